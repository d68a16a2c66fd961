package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;

/** HELP [string] (RFC 5321 §4.1.1.8): lists the commands; an argument is ignored. */
final class HelpCommand implements SmtpCommand {

  private static final Reply COMMANDS =
      Reply.of(
          214,
          "2.0.0",
          "Commands: EHLO HELO STARTTLS AUTH MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP");

  @Override
  public SmtpResponse execute(SmtpSession session, String argument) {
    return SmtpResponse.of(COMMANDS);
  }
}
