package dev.yubin.protocol.sasl;

import java.util.Optional;

/**
 * PLAIN: one message, {@code [authzid] NUL authcid NUL passwd}, in UTF-8. A message that does not
 * have exactly this form, with a non-empty user and password, is rejected without asking the
 * backend.
 *
 * @see "RFC 4616 §2"
 */
public final class PlainMechanism implements SaslMechanism {

  public static final String NAME = "PLAIN";

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
    private boolean challenged;

    Exchange(SaslAuthenticator authenticator) {
      this.authenticator = authenticator;
    }

    @Override
    public SaslStep step(byte[] response) {
      if (response == null && !challenged) {
        challenged = true;
        return SaslStep.challenge(new byte[0]); // RFC 4422 §3.3: an empty challenge
      }
      Optional<String> text = response == null ? Optional.empty() : Utf8.decode(response);
      String[] parts = text.map(t -> t.split("\0", -1)).orElse(new String[0]);
      if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
        return SaslStep.done(AuthResult.rejected());
      }
      user = parts[1];
      String authorizationId = parts[0].isEmpty() ? null : parts[0];
      return SaslStep.done(authenticator.authenticate(authorizationId, user, parts[2]));
    }

    @Override
    public String user() {
      return user;
    }
  }
}
