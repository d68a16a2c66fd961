package dev.yubin.protocol.smtp;

/**
 * HELO domain (RFC 5321 §4.1.1.1): starts a plain SMTP session, without extensions or MAIL
 * parameters. Its reply has no enhanced status code (RFC 2034 §3). A name that is not a {@link
 * HeloName} gets 501 5.5.2 and changes nothing.
 */
final class HeloCommand implements SmtpCommand {

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    if (argument.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.syntax("HELO hostname"));
    }
    if (!HeloName.isValid(argument)) {
      return SmtpResponse.of(SmtpReplies.BAD_HELO_NAME);
    }
    session.greet(argument, false);
    return SmtpResponse.plain(250, session.config().hostname());
  }
}
