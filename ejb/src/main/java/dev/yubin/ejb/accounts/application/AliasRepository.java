package dev.yubin.ejb.accounts.application;

import dev.yubin.ejb.accounts.domain.MailAlias;
import java.util.List;
import java.util.Optional;

/** Where aliases are kept (a port: JPA in production). Addresses come normalized. */
public interface AliasRepository {

  Optional<MailAlias> find(String address);

  /** An alias's targets, without loading the alias; empty when there is none. */
  List<String> targets(String address);

  /** Whether an alias exists, without loading it. */
  boolean exists(String address);

  List<MailAlias> all();

  void add(MailAlias alias);

  void remove(MailAlias alias);
}
