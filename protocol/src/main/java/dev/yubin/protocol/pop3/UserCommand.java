package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code USER name}: names the mailbox for the PASS that must follow. Always accepted, so that the
 * answer does not tell which mailboxes exist.
 *
 * @see "RFC 1939 §7"
 */
final class UserCommand implements Pop3Command {

  @Override
  public String keyword() {
    return "USER";
  }

  @Override
  public Set<Pop3State> validIn() {
    return EnumSet.of(Pop3State.AUTHORIZATION);
  }

  @Override
  public Optional<String> capability() {
    return Optional.of("USER");
  }

  @Override
  public void execute(Pop3Session session, String argument, Output out) {
    String name = argument.strip();
    if (name.isEmpty()) {
      throw new Pop3CommandException("syntax: USER name");
    }
    session.nameUser(name);
    out.writeLine("+OK send PASS");
  }
}
