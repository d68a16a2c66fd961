package dev.yubin.protocol.pop3;

import dev.yubin.protocol.Output;
import dev.yubin.protocol.pop3.Maildrop.Message;
import java.util.List;
import java.util.function.Function;

/**
 * What LIST and UIDL share: with a message number, {@code +OK n detail}; without, a multi-line
 * listing of {@code n detail} for every message not marked deleted.
 *
 * @see "RFC 1939 §5 (scan listing), §7 (unique-id listing)"
 */
final class MessageListing {

  private MessageListing() {}

  static void write(
      Pop3Session session,
      String argument,
      String syntax,
      String listingStatus,
      Function<Message, String> detail,
      Output out) {
    List<String> words = Pop3Arguments.expect(argument, 0, 1, syntax);
    OpenMaildrop maildrop = session.maildrop();
    if (words.size() == 1) {
      OpenMaildrop.Numbered message = maildrop.find(words.get(0));
      out.writeLine("+OK " + message.number() + " " + detail.apply(message.message()));
    } else {
      List<String> lines =
          maildrop.remaining().stream()
              .map(m -> m.number() + " " + detail.apply(m.message()))
              .toList();
      MultiLineResponse.write(out, listingStatus, lines);
    }
  }
}
