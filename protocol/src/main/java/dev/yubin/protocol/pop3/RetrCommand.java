package dev.yubin.protocol.pop3;

import dev.yubin.protocol.DotStuffingInputStream;
import dev.yubin.protocol.Output;
import java.io.InputStream;
import java.util.List;

/**
 * {@code RETR msg}: sends a whole message, byte-stuffed, streamed from the store, and remembers it
 * for the store to mark seen when the session ends (TOP does not).
 *
 * @see "RFC 1939 §5"
 */
final class RetrCommand extends Pop3Command {

  RetrCommand() {
    super("RETR", TRANSACTION);
  }

  @Override
  void execute(Pop3Session session, String argument, Output out) {
    List<String> words = Pop3Arguments.expect(argument, 1, 1, "RETR msg");
    OpenMaildrop.Numbered message = session.maildrop().find(words.get(0));
    InputStream content = MessageContent.retrieve(session, message);
    out.writeLine("+OK " + message.message().size() + " octets");
    out.write(new DotStuffingInputStream(content));
    session.maildrop().markRetrieved(message);
  }
}
