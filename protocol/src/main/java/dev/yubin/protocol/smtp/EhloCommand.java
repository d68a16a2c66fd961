package dev.yubin.protocol.smtp;

import dev.yubin.protocol.sasl.SaslMechanism;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * EHLO domain (RFC 5321 §4.1.1.1): starts an ESMTP session and lists the extensions that apply now:
 * STARTTLS only before TLS and when the transport has it (RFC 3207), AUTH only when offered, not
 * yet done, and allowed on this connection (RFC 4954); DSN only where {@link
 * SmtpConfig#dsnOffered}. Like HELO, it drops any open transaction; an authentication survives it.
 * Its reply has no enhanced status code (RFC 2034 §3). A name that is not a {@link HeloName} gets
 * 501 5.5.2 and changes nothing.
 */
final class EhloCommand implements SmtpCommand {

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    if (argument.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.syntax("EHLO hostname"));
    }
    if (!HeloName.isValid(argument)) {
      return SmtpResponse.of(SmtpReplies.BAD_HELO_NAME);
    }
    session.greet(argument, true);
    SmtpConfig config = session.config();
    List<String> lines = new ArrayList<>();
    lines.add(config.hostname());
    lines.add("PIPELINING"); // RFC 2920
    lines.add("SIZE " + config.maxMessageSize()); // RFC 1870
    if (config.tlsAvailable() && !session.isSecure()) {
      lines.add("STARTTLS"); // RFC 3207
    }
    if (session.isAuthAllowedNow() && !session.isAuthenticated()) {
      lines.add(
          "AUTH "
              + session.mechanisms().stream()
                  .map(SaslMechanism::name)
                  .collect(Collectors.joining(" "))); // RFC 4954
    }
    lines.add("ENHANCEDSTATUSCODES"); // RFC 2034
    lines.add("8BITMIME"); // RFC 6152
    lines.add("SMTPUTF8"); // RFC 6531
    if (config.dsnOffered()) {
      lines.add("DSN"); // RFC 3461
    }
    lines.add("CHUNKING"); // RFC 3030
    return SmtpResponse.multiline(250, lines);
  }
}
