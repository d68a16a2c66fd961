package dev.yubin.protocol.smtp;

/** NOOP (RFC 5321 §4.1.1.9): an argument, if any, is ignored. */
final class NoopCommand implements SmtpCommand {

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    return SmtpResponse.of(SmtpReplies.OK);
  }
}
