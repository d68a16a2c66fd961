package dev.yubin.protocol.smtp;

/** RSET (RFC 5321 §4.1.1.5): drops the transaction, keeps the HELO/EHLO. */
final class RsetCommand implements SmtpCommand {

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    if (!argument.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.syntax("RSET"));
    }
    session.resetTransaction();
    return SmtpResponse.of(SmtpReplies.OK);
  }
}
