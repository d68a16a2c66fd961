package dev.yubin.ejb.interfaces.jca;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.application.Authentication;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.ScramCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A login's verdict in the engines' terms, the same for SMTP AUTH and IMAP: busy hashing is a
 * temporary failure, and an authorization identity other than the account itself is refused (no
 * proxy authorization). SCRAM credentials come from the stored salted password, for every protocol.
 */
@ApplicationScoped
class AccountLogins {

  @Inject AccountService accounts;

  AuthResult authenticate(String authorizationId, String user, String password) {
    Authentication login = accounts.authenticate(user, password);
    if (login.busy()) {
      return AuthResult.unavailable();
    }
    return login
        .account()
        .filter(a -> authorizationId == null || authorizationId.equalsIgnoreCase(a.getAddress()))
        .map(a -> AuthResult.accepted(a.getAddress()))
        .orElseGet(AuthResult::rejected);
  }

  /** SCRAM-SHA-256 credentials for {@code user}; null for an unknown user. */
  ScramCredentials scramCredentials(String user) {
    return accounts
        .saltedPassword(user)
        .map(p -> ScramCredentials.fromSaltedPassword(p.salt(), p.iterations(), p.derivedKey()))
        .orElse(null);
  }
}
