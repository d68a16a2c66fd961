package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code STAT}: the number and total size of the messages not marked deleted.
 *
 * @see "RFC 1939 §5"
 */
final class StatCommand implements Pop3Command {

  @Override
  public String keyword() {
    return "STAT";
  }

  @Override
  public Set<Pop3State> validIn() {
    return EnumSet.of(Pop3State.TRANSACTION);
  }

  @Override
  public void execute(Pop3Session session, String argument, Output out) {
    Pop3Arguments.expect(argument, 0, 0, "STAT");
    OpenMaildrop maildrop = session.maildrop();
    out.writeLine("+OK " + maildrop.remainingCount() + " " + maildrop.remainingSize());
  }
}
