package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;

/**
 * {@code RSET}: unmarks every message marked deleted.
 *
 * @see "RFC 1939 §5"
 */
final class RsetCommand extends Pop3Command {

  RsetCommand() {
    super("RSET", TRANSACTION);
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    Pop3Arguments.expect(argument, 0, 0, "RSET");
    OpenMaildrop maildrop = session.maildrop();
    maildrop.unmarkAll();
    out.writeLine("+OK maildrop has " + maildrop.summary());
  }
}
