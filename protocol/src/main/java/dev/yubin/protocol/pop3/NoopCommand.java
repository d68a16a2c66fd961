package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;

/**
 * {@code NOOP}: does nothing, positively.
 *
 * @see "RFC 1939 §5"
 */
final class NoopCommand extends Pop3Command {

  NoopCommand() {
    super("NOOP", TRANSACTION);
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    Pop3Arguments.expect(argument, 0, 0, "NOOP");
    out.writeLine("+OK");
  }
}
