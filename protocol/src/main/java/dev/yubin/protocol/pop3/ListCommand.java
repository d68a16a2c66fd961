package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code LIST [msg]}: the size of one message, or of every message not marked deleted.
 *
 * @see "RFC 1939 §5"
 */
final class ListCommand implements Pop3Command {

  @Override
  public String keyword() {
    return "LIST";
  }

  @Override
  public Set<Pop3State> validIn() {
    return EnumSet.of(Pop3State.TRANSACTION);
  }

  @Override
  public void execute(Pop3Session session, String argument, Output out) {
    List<String> words = Pop3Arguments.expect(argument, 0, 1, "LIST [msg]");
    OpenMaildrop maildrop = session.maildrop();
    if (words.size() == 1) {
      OpenMaildrop.Numbered message = maildrop.find(words.get(0));
      out.writeLine("+OK " + message.number() + " " + message.message().size());
    } else {
      MultiLineResponse.write(
          out,
          maildrop.summary(),
          maildrop.remaining().stream().map(m -> m.number() + " " + m.message().size()).toList());
    }
  }
}
