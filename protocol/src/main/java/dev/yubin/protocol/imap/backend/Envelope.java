package dev.yubin.protocol.imap.backend;

import java.util.List;

/** A message's ENVELOPE (RFC 3501 §7.4.2): raw header values, null where the field is absent. */
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

  /**
   * One address, or a group's start ({@code mailbox} = group name, {@code host} null) or end (all
   * null).
   */
  public record Address(String name, String route, String mailbox, String host) {}
}
