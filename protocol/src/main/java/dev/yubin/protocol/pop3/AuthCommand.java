package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import dev.yubin.protocol.sasl.SaslMechanism;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code AUTH mechanism [initial-response]}: logs in by a SASL exchange, carried on by {@link
 * AuthExchange}; CAPA lists the mechanisms as {@code SASL}. Mechanisms that send the password as it
 * is (PLAIN, LOGIN) are neither listed nor accepted where USER is not; SCRAM-SHA-256 is. Without
 * arguments it lists the mechanisms, as Dovecot does for clients of RFC 1734's drafts.
 *
 * @see "RFC 5034 §4, RFC 2449 §6.9 (SASL)"
 */
final class AuthCommand extends Pop3Command {

  private final List<SaslMechanism> mechanisms;

  /**
   * @param mechanisms the mechanisms offered, in the order listed
   */
  AuthCommand(List<SaslMechanism> mechanisms) {
    super("AUTH", AUTHORIZATION);
    this.mechanisms = List.copyOf(mechanisms);
  }

  @Override
  boolean offeredIn(Pop3Session session) {
    return session.state() == Pop3State.AUTHORIZATION && !offered(session).isEmpty();
  }

  @Override
  Optional<String> capability(Pop3Session session) {
    return Optional.of("SASL " + String.join(" ", offered(session)));
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    if (argument.isEmpty()) {
      MultiLineResponse.write(out, "supported mechanisms", offered(session));
      return;
    }
    String[] words = argument.split(" ", -1);
    if (words.length > 2 || words[0].isEmpty()) {
      throw new Pop3CommandException("syntax: AUTH mechanism [initial-response]");
    }
    String name = words[0].toUpperCase(Locale.ROOT);
    SaslMechanism mechanism =
        mechanisms.stream()
            .filter(m -> m.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new Pop3CommandException("unsupported authentication mechanism"));
    if (!isAllowed(session, mechanism)) {
      throw Pop3Logins.cleartextRefused();
    }
    new AuthExchange(session, mechanism).start(words.length == 2 ? words[1] : null, out);
  }

  private List<String> offered(Pop3Session session) {
    return mechanisms.stream().filter(m -> isAllowed(session, m)).map(SaslMechanism::name).toList();
  }

  private static boolean isAllowed(Pop3Session session, SaslMechanism mechanism) {
    return !mechanism.isPlaintext() || session.cleartextLoginAllowed();
  }
}
