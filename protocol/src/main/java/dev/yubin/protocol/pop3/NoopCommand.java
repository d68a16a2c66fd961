package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code NOOP}: does nothing, positively.
 *
 * @see "RFC 1939 §5"
 */
final class NoopCommand implements Pop3Command {

  @Override
  public String keyword() {
    return "NOOP";
  }

  @Override
  public Set<Pop3State> validIn() {
    return EnumSet.of(Pop3State.TRANSACTION);
  }

  @Override
  public void execute(Pop3Session session, String argument, Output out) {
    Pop3Arguments.expect(argument, 0, 0, "NOOP");
    out.writeLine("+OK");
  }
}
