package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.Optional;

/**
 * {@code USER name}: names the mailbox for the PASS that must follow. Always accepted, so that the
 * answer does not tell which mailboxes exist; but refused, and not listed by CAPA, while a password
 * would cross the network in clear (STLS first, as Dovecot requires by default).
 *
 * @see "RFC 1939 §7, RFC 2595 §4, RFC 3206 (AUTH)"
 */
final class UserCommand extends Pop3Command {

  UserCommand() {
    super("USER", AUTHORIZATION, Optional.of("USER"));
  }

  @Override
  boolean offeredIn(Pop3Session session) {
    return session.cleartextLoginAllowed();
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    if (!session.cleartextLoginAllowed()) {
      throw Pop3Logins.cleartextRefused();
    }
    String name = argument.strip();
    if (name.isEmpty()) {
      throw new Pop3CommandException("syntax: USER name");
    }
    session.nameUser(name);
    out.writeLine("+OK send PASS");
  }
}
