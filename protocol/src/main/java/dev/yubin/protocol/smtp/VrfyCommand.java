package dev.yubin.protocol.smtp;

/**
 * VRFY string (RFC 5321 §4.1.1.6): answered 252 2.5.0 for any address, so that it reveals nothing
 * (RFC 5321 §3.5.3 and §7.3).
 */
final class VrfyCommand implements SmtpCommand {

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    if (argument.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.syntax("VRFY address"));
    }
    return SmtpResponse.of(SmtpReplies.CANNOT_VERIFY);
  }
}
