package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;

/**
 * {@code STAT}: the number and total size of the messages not marked deleted.
 *
 * @see "RFC 1939 §5"
 */
final class StatCommand extends Pop3Command {

  StatCommand() {
    super("STAT", TRANSACTION);
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    Pop3Arguments.expect(argument, 0, 0, "STAT");
    OpenMaildrop maildrop = session.maildrop();
    out.writeLine("+OK " + maildrop.remainingCount() + " " + maildrop.remainingSize());
  }
}
