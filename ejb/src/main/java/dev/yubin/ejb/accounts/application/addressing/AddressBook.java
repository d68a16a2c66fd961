package dev.yubin.ejb.accounts.application.addressing;

import java.util.List;
import java.util.Optional;

/**
 * What recipient resolution may ask about the local address space. Every argument is normalized
 * ({@code local@domain} in lower case, see {@link dev.yubin.ejb.accounts.application.Address}).
 * Answers are asked at every RCPT, so each must be one cheap query.
 */
public interface AddressBook {

  boolean isLocalDomain(String domain);

  /** Whether an account (a mailbox) has this address. */
  boolean isAccount(String address);

  /** The targets of the alias with this address, as stored; empty when there is no such alias. */
  List<String> aliasTargets(String address);

  /** The catch-all target of a local domain, if it has one. */
  Optional<String> catchAll(String domain);

  /** The domain whose postmaster the bare {@code postmaster} recipient means; empty if none. */
  Optional<String> primaryDomain();
}
