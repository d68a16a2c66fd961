package dev.yubin.protocol.smtp;

import dev.yubin.protocol.sasl.SaslMechanism;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AUTH mechanism [initial-response] (RFC 4954 §4): starts a SASL exchange, carried on by {@link
 * AuthExchange}. Refused when AUTH is not offered (503 5.5.1), after a successful AUTH or during a
 * transaction (503 5.5.1), before TLS when the policy says so (538 5.7.11), for an unknown
 * mechanism (504 5.5.4), and while the client's network has too many recent failures (454 4.7.0,
 * without asking the backend). An initial response of {@code =} is an empty one.
 */
final class AuthCommand implements SmtpCommand {

  @Override
  public List<Precondition> preconditions() {
    return List.of(
        Precondition.GREETED, Precondition.NOT_AUTHENTICATED, Precondition.OUTSIDE_TRANSACTION);
  }

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    if (!session.config().authOffered()) {
      return SmtpResponse.of(SmtpReplies.AUTH_NOT_ENABLED);
    }
    if (!session.isAuthAllowedNow()) {
      return SmtpResponse.of(SmtpReplies.AUTH_NEEDS_TLS);
    }
    String[] words = argument.split(" ", -1);
    if (argument.isEmpty() || words.length > 2) {
      return SmtpResponse.of(SmtpReplies.syntax("AUTH mechanism [initial-response]"));
    }
    Optional<SaslMechanism> mechanism =
        session.mechanisms().stream()
            .filter(m -> m.name().equals(words[0].toUpperCase(Locale.ROOT)))
            .findFirst();
    if (mechanism.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.AUTH_UNKNOWN_MECHANISM);
    }
    AuthExchange exchange = new AuthExchange(session, mechanism.get());
    return exchange.start(words.length == 2 ? words[1] : null);
  }
}
