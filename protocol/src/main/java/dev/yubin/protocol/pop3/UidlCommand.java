package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code UIDL [msg]}: the unique-id of one message, or of every message not marked deleted.
 *
 * @see "RFC 1939 §7"
 */
final class UidlCommand implements Pop3Command {

  @Override
  public String keyword() {
    return "UIDL";
  }

  @Override
  public Set<Pop3State> validIn() {
    return EnumSet.of(Pop3State.TRANSACTION);
  }

  @Override
  public Optional<String> capability() {
    return Optional.of("UIDL");
  }

  @Override
  public void execute(Pop3Session session, String argument, Output out) {
    List<String> words = Pop3Arguments.expect(argument, 0, 1, "UIDL [msg]");
    OpenMaildrop maildrop = session.maildrop();
    if (words.size() == 1) {
      OpenMaildrop.Numbered message = maildrop.find(words.get(0));
      out.writeLine("+OK " + message.number() + " " + message.message().uid());
    } else {
      MultiLineResponse.write(
          out,
          "unique-id listing follows",
          maildrop.remaining().stream().map(m -> m.number() + " " + m.message().uid()).toList());
    }
  }
}
