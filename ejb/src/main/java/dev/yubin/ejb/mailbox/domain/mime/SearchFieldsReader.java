package dev.yubin.ejb.mailbox.domain.mime;

import dev.yubin.ejb.mailbox.domain.mime.Envelope.Address;
import dev.yubin.protocol.text.BaseSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Computes a message's {@link SearchFields} from its top-level header and envelope. */
final class SearchFieldsReader {

  /** A msg-id (RFC 5322 §3.6.4), leniently: anything between angle brackets without spaces. */
  private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");

  private SearchFieldsReader() {}

  static SearchFields read(EntityHeader header, Envelope envelope) {
    String subject = HeaderDecoder.decode(header.last("subject"));
    if (subject != null) {
      subject = EnvelopeReader.humane(subject);
    }
    BaseSubject base = BaseSubject.of(subject);
    return new SearchFields(
        subject,
        display(envelope.from()),
        display(envelope.to()),
        display(envelope.cc()),
        display(envelope.bcc()),
        MailDates.parse(header.last("date")),
        firstId(header.last("message-id")),
        firstId(header.last("in-reply-to")),
        ids(header.all("references")),
        base.text(),
        base.replyOrForward(),
        sortKey(envelope.from()),
        sortKey(envelope.to()),
        sortKey(envelope.cc()),
        displayKey(envelope.from()),
        displayKey(envelope.to()));
  }

  /** Addresses as decoded display text: {@code Name <addr>}, groups as {@code Name: ...;}. */
  static String display(List<Address> addresses) {
    if (addresses.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    boolean afterGroupStart = false;
    for (Address address : addresses) {
      if (address.isGroupEnd()) {
        out.append(';');
        afterGroupStart = false;
        continue;
      }
      if (!out.isEmpty() && !afterGroupStart) {
        out.append(", ");
      } else if (afterGroupStart) {
        out.append(' ');
      }
      afterGroupStart = false;
      if (address.isGroupStart()) {
        out.append(HeaderDecoder.decode(address.mailbox())).append(':');
        afterGroupStart = true;
      } else if (address.name() != null) {
        out.append(HeaderDecoder.decode(address.name()))
            .append(" <")
            .append(addrSpec(address))
            .append('>');
      } else {
        out.append(addrSpec(address));
      }
    }
    return out.toString();
  }

  /** {@code mailbox@host}, without the placeholders the envelope puts for missing parts. */
  private static String addrSpec(Address address) {
    boolean noMailbox = address.mailbox().equals(AddressParser.MISSING_MAILBOX);
    boolean noHost = address.host().equals(AddressParser.MISSING_DOMAIN);
    return (noMailbox ? "" : address.mailbox()) + (noHost ? "" : "@" + address.host());
  }

  private static Address firstMailbox(List<Address> addresses) {
    for (Address address : addresses) {
      if (address.host() != null) {
        return address;
      }
    }
    return null;
  }

  /** RFC 5256 §3: the addr-mailbox of the first address, case folded. */
  private static String sortKey(List<Address> addresses) {
    Address first = firstMailbox(addresses);
    return first == null ? "" : first.mailbox().toLowerCase(Locale.ROOT);
  }

  /** RFC 5957 §3: the decoded display name of the first mailbox, else its addr-spec. */
  private static String displayKey(List<Address> addresses) {
    Address first = firstMailbox(addresses);
    if (first == null) {
      return "";
    }
    String name = first.name() == null ? "" : HeaderDecoder.decode(first.name()).strip();
    return name.isEmpty() ? addrSpec(first) : name;
  }

  private static String firstId(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = MSG_ID.matcher(value);
    return m.find() ? m.group() : value.strip();
  }

  private static List<String> ids(List<String> values) {
    List<String> ids = new ArrayList<>();
    for (String value : values) {
      Matcher m = MSG_ID.matcher(value);
      while (m.find()) {
        ids.add(m.group());
      }
    }
    return ids;
  }
}
