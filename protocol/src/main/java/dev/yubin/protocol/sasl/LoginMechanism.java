package dev.yubin.protocol.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * LOGIN: the obsolete but widespread mechanism of Outlook and old clients (draft-murchison-sasl-
 * login): challenge {@code Username:}, then {@code Password:}. An initial response is taken as the
 * user name, as Postfix/Cyrus do. Empty or non-UTF-8 values are rejected without asking the
 * backend.
 */
public final class LoginMechanism implements SaslMechanism {

  public static final String NAME = "LOGIN";
  private static final byte[] USERNAME = "Username:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PASSWORD = "Password:".getBytes(StandardCharsets.US_ASCII);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isPlaintext() {
    return true;
  }

  @Override
  public SaslExchange start(SaslAuthenticator authenticator) {
    return new Exchange(authenticator);
  }

  private static final class Exchange implements SaslExchange {
    private final SaslAuthenticator authenticator;
    private String user;
    private boolean askedForUser;

    Exchange(SaslAuthenticator authenticator) {
      this.authenticator = authenticator;
    }

    @Override
    public SaslStep step(byte[] response) {
      if (response == null && !askedForUser) {
        askedForUser = true;
        return SaslStep.challenge(USERNAME);
      }
      Optional<String> text = response == null ? Optional.empty() : Utf8.decode(response);
      if (text.isEmpty() || text.get().isEmpty()) {
        return SaslStep.done(AuthResult.rejected());
      }
      if (user == null) {
        user = text.get();
        return SaslStep.challenge(PASSWORD);
      }
      return SaslStep.done(authenticator.authenticate(null, user, text.get()));
    }

    @Override
    public String user() {
      return user;
    }
  }
}
