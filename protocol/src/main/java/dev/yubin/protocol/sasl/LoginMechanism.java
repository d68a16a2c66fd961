package dev.yubin.protocol.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * LOGIN: the obsolete but widespread mechanism of Outlook and old clients (draft-murchison-sasl-
 * login): challenge {@code Username:}, then {@code Password:}. An initial response is taken as the
 * user name, as Postfix/Cyrus do. Empty or non-UTF-8 values are rejected without asking the
 * backend.
 */
public final class LoginMechanism extends PasswordMechanism {

  public static final String NAME = "LOGIN";
  private static final byte[] USERNAME = "Username:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PASSWORD = "Password:".getBytes(StandardCharsets.US_ASCII);

  public LoginMechanism() {
    super(NAME);
  }

  @Override
  byte[] firstChallenge() {
    return USERNAME;
  }

  @Override
  SaslStep next(Exchange exchange, Optional<String> text) {
    if (text.isEmpty() || text.get().isEmpty()) {
      return SaslStep.done(AuthResult.rejected());
    }
    if (exchange.user == null) {
      exchange.user = text.get();
      return SaslStep.challenge(PASSWORD);
    }
    return SaslStep.done(exchange.authenticator.authenticate(null, exchange.user, text.get()));
  }
}
