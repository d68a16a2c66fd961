package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code RSET}: unmarks every message marked deleted.
 *
 * @see "RFC 1939 §5"
 */
final class RsetCommand implements Pop3Command {

  @Override
  public String keyword() {
    return "RSET";
  }

  @Override
  public Set<Pop3State> validIn() {
    return EnumSet.of(Pop3State.TRANSACTION);
  }

  @Override
  public void execute(Pop3Session session, String argument, Output out) {
    Pop3Arguments.expect(argument, 0, 0, "RSET");
    OpenMaildrop maildrop = session.maildrop();
    maildrop.unmarkAll();
    out.writeLine("+OK maildrop has " + maildrop.summary());
  }
}
