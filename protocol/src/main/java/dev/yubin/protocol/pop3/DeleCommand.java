package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.List;

/**
 * {@code DELE msg}: marks a message deleted; it goes at QUIT, unless RSET comes first.
 *
 * @see "RFC 1939 §5"
 */
final class DeleCommand extends Pop3Command {

  DeleCommand() {
    super("DELE", TRANSACTION);
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    List<String> words = Pop3Arguments.expect(argument, 1, 1, "DELE msg");
    OpenMaildrop maildrop = session.maildrop();
    OpenMaildrop.Numbered message = maildrop.find(words.get(0));
    maildrop.markDeleted(message);
    out.writeLine("+OK message " + message.number() + " deleted");
  }
}
