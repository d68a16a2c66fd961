package dev.yubin.ejb.mailbox.domain.mime;

import java.util.List;

/**
 * The header fields an IMAP ENVELOPE returns (RFC 3501 §7.4.2), as raw unfolded values: encoded
 * words are not decoded. Address lists are empty when the field is absent; repeated address fields
 * are joined and for the other fields the last one counts, as Dovecot does. The subject and the
 * names have runs of white space collapsed to one space and are trimmed (Dovecot's form).
 */
public record Envelope(
    String date,
    String subject,
    List<Address> from,
    List<Address> sender,
    List<Address> replyTo,
    List<Address> to,
    List<Address> cc,
    List<Address> bcc,
    String inReplyTo,
    String messageId) {

  public Envelope {
    from = List.copyOf(from);
    sender = List.copyOf(sender);
    replyTo = List.copyOf(replyTo);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
  }

  /** An envelope with no fields, for a message whose header has none of them. */
  public static final Envelope EMPTY =
      new Envelope(
          null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

  /**
   * One address: {@code name} is the display name (phrase content without quotes, encoded words
   * kept), {@code route} an obsolete source route such as {@code @a.test,@b.test}. A group's start
   * is an address with only {@code mailbox} (the group's name) set; its end has no field set (RFC
   * 3501 §7.4.2). An address without a domain gets host {@code MISSING_DOMAIN}, one without a local
   * part mailbox {@code MISSING_MAILBOX}, as Dovecot writes them, so that neither reads as a group
   * marker.
   */
  public record Address(String name, String route, String mailbox, String host) {

    public static Address groupStart(String name) {
      return new Address(null, null, name, null);
    }

    public static final Address GROUP_END = new Address(null, null, null, null);

    public boolean isGroupStart() {
      return mailbox != null && host == null;
    }

    public boolean isGroupEnd() {
      return mailbox == null && host == null;
    }

    /** {@code mailbox@host} of a mailbox; null for group markers. */
    public String addrSpec() {
      return host == null ? null : mailbox + "@" + host;
    }
  }
}
