package dev.yubin.protocol.smtp;

/** QUIT (RFC 5321 §4.1.1.10): 221, then the connection closes. */
final class QuitCommand implements SmtpCommand {

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    if (!argument.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.syntax("QUIT"));
    }
    return SmtpResponse.of(SmtpReplies.BYE).thenClose();
  }
}
