package dev.yubin.protocol.smtp;

/**
 * EXPN string (RFC 5321 §4.1.1.7): disabled with 502 5.5.1, as Postfix does with {@code
 * disable_vrfy_command}, because expanding lists tells spammers who is on them (RFC 5321 §7.3).
 */
final class ExpnCommand implements SmtpCommand {

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    return SmtpResponse.of(SmtpReplies.EXPN_DISABLED);
  }
}
