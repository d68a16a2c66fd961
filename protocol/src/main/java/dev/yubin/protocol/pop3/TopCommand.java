package dev.yubin.protocol.pop3;

import dev.yubin.protocol.DotStuffingInputStream;
import dev.yubin.protocol.Output;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code TOP msg n}: sends the header and the first {@code n} body lines of a message.
 *
 * @see "RFC 1939 §7"
 */
final class TopCommand extends Pop3Command {

  TopCommand() {
    super("TOP", TRANSACTION, Optional.of("TOP"));
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    List<String> words = Pop3Arguments.expect(argument, 2, 2, "TOP msg n");
    OpenMaildrop.Numbered message = session.maildrop().find(words.get(0));
    long bodyLines = Pop3Arguments.lineCount(words.get(1));
    InputStream content = MessageContent.retrieve(session, message);
    out.writeLine("+OK top of message follows");
    out.write(new DotStuffingInputStream(new TopInputStream(content, bodyLines)));
  }
}
