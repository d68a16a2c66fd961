package dev.yubin.protocol.smtp;

import java.util.List;

/**
 * EHLO domain (RFC 5321 §4.1.1.1): starts an ESMTP session and lists the extensions. Like HELO, it
 * drops any open transaction. Its reply has no enhanced status code (RFC 2034 §3).
 */
final class EhloCommand implements SmtpCommand {

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    if (argument.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.syntax("EHLO hostname"));
    }
    session.greet(argument, true);
    SmtpConfig config = session.config();
    return SmtpResponse.multiline(
        250,
        List.of(
            config.hostname(),
            "PIPELINING", // RFC 2920
            "SIZE " + config.maxMessageSize(), // RFC 1870
            "ENHANCEDSTATUSCODES", // RFC 2034
            "8BITMIME")); // RFC 6152
  }
}
