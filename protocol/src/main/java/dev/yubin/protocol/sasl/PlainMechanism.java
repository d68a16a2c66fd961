package dev.yubin.protocol.sasl;

import java.util.Optional;

/**
 * PLAIN: one message, {@code [authzid] NUL authcid NUL passwd}, in UTF-8. A message that does not
 * have exactly this form, with a non-empty user and password, is rejected without asking the
 * backend.
 *
 * @see "RFC 4616 §2"
 */
public final class PlainMechanism extends PasswordMechanism {

  public static final String NAME = "PLAIN";

  public PlainMechanism() {
    super(NAME);
  }

  @Override
  byte[] firstChallenge() {
    return new byte[0]; // RFC 4422 §3.3: an empty challenge
  }

  @Override
  SaslStep next(Exchange exchange, Optional<String> text) {
    String[] parts = text.map(t -> t.split("\0", -1)).orElse(new String[0]);
    if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
      return SaslStep.done(AuthResult.rejected());
    }
    exchange.user = parts[1];
    String authorizationId = parts[0].isEmpty() ? null : parts[0];
    return SaslStep.done(exchange.authenticator.authenticate(authorizationId, parts[1], parts[2]));
  }
}
