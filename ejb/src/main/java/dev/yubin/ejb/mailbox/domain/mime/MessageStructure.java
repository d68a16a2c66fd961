package dev.yubin.ejb.mailbox.domain.mime;

/**
 * The MIME structure of one stored message: its entity tree from the first octet ({@code root}) to
 * the last ({@code size}), with the envelopes of the message and of every encapsulated one.
 */
public record MessageStructure(MimeEntity root) {

  /** The message's size in octets (RFC822.SIZE). */
  public long size() {
    return root.end();
  }

  public Envelope envelope() {
    return root.envelope();
  }

  /**
   * The entity a section path names ({@code 1.2} is {@code [1, 2]}, RFC 3501 §6.4.5); the empty
   * path is the root. Null when the path names no part.
   */
  public MimeEntity section(int... path) {
    MimeEntity entity = root;
    for (int part : path) {
      entity = entity == null ? null : entity.part(part);
    }
    return entity;
  }
}
