package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.Optional;

/**
 * {@code USER name}: names the mailbox for the PASS that must follow. Always accepted, so that the
 * answer does not tell which mailboxes exist.
 *
 * @see "RFC 1939 §7"
 */
final class UserCommand extends Pop3Command {

  UserCommand() {
    super("USER", AUTHORIZATION, Optional.of("USER"));
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    String name = argument.strip();
    if (name.isEmpty()) {
      throw new Pop3CommandException("syntax: USER name");
    }
    session.nameUser(name);
    out.writeLine("+OK send PASS");
  }
}
