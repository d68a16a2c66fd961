package dev.yubin.ejb.accounts.application;

import dev.yubin.ejb.accounts.domain.Account;
import dev.yubin.ejb.accounts.domain.MailDomain;
import java.util.List;
import java.util.Optional;

/** Where domains and accounts are kept (a port: JPA in production). Names come normalized. */
public interface AccountRepository {

  Optional<MailDomain> findDomain(String name);

  List<MailDomain> domains();

  void add(MailDomain domain);

  Optional<Account> findAccount(String address);

  /** Whether an account exists, without loading it. */
  boolean accountExists(String address);

  /** Whether a local domain exists, without loading it. */
  boolean domainExists(String name);

  /** A domain's catch-all target; empty without one or without the domain. */
  Optional<String> catchAll(String domain);

  /** The alphabetically first local domain, if any. */
  Optional<String> firstDomain();

  /** An account's quota in bytes; empty without a limit or an account. */
  Optional<Long> quota(String address);

  List<Account> accounts();

  void add(Account account);
}
