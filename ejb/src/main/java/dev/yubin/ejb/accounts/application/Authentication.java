package dev.yubin.ejb.accounts.application;

import dev.yubin.ejb.accounts.domain.Account;
import java.util.Optional;

/**
 * The outcome of a login: the account whose password matched; or none (no such account, or a wrong
 * password: the caller cannot tell which, nor can the client by the time it took); or, when {@code
 * busy}, no answer now because every password check was taken (the client should try later).
 */
public record Authentication(Optional<Account> account, boolean busy) {

  static final Authentication REJECTED = new Authentication(Optional.empty(), false);
  static final Authentication BUSY = new Authentication(Optional.empty(), true);

  static Authentication accepted(Account account) {
    return new Authentication(Optional.of(account), false);
  }
}
