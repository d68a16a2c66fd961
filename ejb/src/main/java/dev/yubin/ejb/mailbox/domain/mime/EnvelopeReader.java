package dev.yubin.ejb.mailbox.domain.mime;

import dev.yubin.ejb.mailbox.domain.mime.Envelope.Address;
import java.util.ArrayList;
import java.util.List;

/** Builds an {@link Envelope} from a message's header fields, as Dovecot does. */
final class EnvelopeReader {

  private EnvelopeReader() {}

  static Envelope read(EntityHeader header) {
    return new Envelope(
        header.last("date"),
        humane(header.last("subject")),
        addresses(header, "from"),
        addresses(header, "sender"),
        addresses(header, "reply-to"),
        addresses(header, "to"),
        addresses(header, "cc"),
        addresses(header, "bcc"),
        header.last("in-reply-to"),
        header.last("message-id"));
  }

  /** All addresses of every occurrence of the field, joined as if one list. */
  static List<Address> addresses(EntityHeader header, String field) {
    List<Address> addresses = new ArrayList<>();
    for (String value : header.all(field)) {
      for (Address address : AddressParser.parse(value)) {
        addresses.add(
            new Address(
                humane(address.name()), address.route(), address.mailbox(), address.host()));
      }
    }
    return addresses;
  }

  /** White space runs (folding included) as one space, trimmed: Dovecot's text "for humans". */
  static String humane(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        space = !out.isEmpty();
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c == 0 ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
