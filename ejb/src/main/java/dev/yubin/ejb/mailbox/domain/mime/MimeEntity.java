package dev.yubin.ejb.mailbox.domain.mime;

import java.util.List;

/**
 * One MIME entity (RFC 2045 §2.4) of a stored message, as IMAP FETCH needs it: the fields of
 * BODYSTRUCTURE (RFC 3501 §7.4.2) and where the entity lies in the content, so that {@code
 * BODY[section]<partial>} is a seek and a read.
 *
 * <p>Offsets count octets from the start of the message as stored and follow Dovecot's framing: a
 * body ends before the line break that precedes the next boundary line (RFC 2046 §5.1.1 makes that
 * line break part of the delimiter). For a message/rfc822 or message/global entity, {@link
 * #message()} is the encapsulated message, whose header starts at this entity's {@link
 * #bodyOffset()} and whose end is this entity's end.
 *
 * @param type media type in lower case; {@code text} when the header has no valid Content-Type
 * @param subtype media subtype in lower case
 * @param parameters Content-Type parameters as sent ({@link MimeParameters#forImap} gives
 *     BODYSTRUCTURE's form)
 * @param id Content-ID, raw, or null
 * @param description Content-Description, raw (encoded words kept), or null
 * @param transferEncoding Content-Transfer-Encoding as written (letter case kept), or null when
 *     absent (7bit, RFC 2045 §6.1)
 * @param md5 Content-MD5, or null
 * @param disposition the Content-Disposition type as written, or null
 * @param dispositionParameters its parameters as sent
 * @param language Content-Language tags, empty when absent
 * @param location Content-Location, raw, or null
 * @param headerOffset where the entity's header starts
 * @param bodyOffset where its body starts: after the blank line, or at the end of the header when
 *     it has none
 * @param end where its body ends
 * @param lines line breaks (LF) in the body; IMAP reports it for text/* and message/rfc822
 * @param children the body parts of a multipart, else empty
 * @param message the encapsulated message of a message/rfc822 or message/global entity, else null
 * @param envelope the raw envelope fields of the message this entity heads: set on the root and on
 *     every encapsulated message, null on other entities
 */
public record MimeEntity(
    String type,
    String subtype,
    List<MimeParameter> parameters,
    String id,
    String description,
    String transferEncoding,
    String md5,
    String disposition,
    List<MimeParameter> dispositionParameters,
    List<String> language,
    String location,
    long headerOffset,
    long bodyOffset,
    long end,
    long lines,
    List<MimeEntity> children,
    MimeEntity message,
    Envelope envelope) {

  public MimeEntity {
    parameters = List.copyOf(parameters);
    dispositionParameters = List.copyOf(dispositionParameters);
    language = List.copyOf(language);
    children = List.copyOf(children);
  }

  public boolean isMultipart() {
    return type.equals("multipart");
  }

  /** Whether this entity encapsulates a message (message/rfc822 or message/global). */
  public boolean isMessage() {
    return message != null;
  }

  public boolean isText() {
    return type.equals("text");
  }

  /** The size of the body in octets. */
  public long bodySize() {
    return end - bodyOffset;
  }

  /** The size of the header in octets, the blank line included. */
  public long headerSize() {
    return bodyOffset - headerOffset;
  }

  /** The value of the Content-Type parameter {@code name} (case-insensitive), or null. */
  public String parameter(String name) {
    return MimeParameters.find(parameters, name);
  }

  /** The charset of a text entity: its {@code charset} parameter, else us-ascii (RFC 2045 §5.2). */
  public String charset() {
    String charset = parameter("charset");
    return charset == null || charset.isBlank() ? "us-ascii" : charset;
  }

  /** The value of the Content-Disposition parameter {@code name} (case-insensitive), or null. */
  public String dispositionParameter(String name) {
    return MimeParameters.find(dispositionParameters, name);
  }

  /**
   * The entity that IMAP section {@code part} (1-based, RFC 3501 §6.4.5) of this entity names, or
   * null: the n-th child of a multipart, the encapsulated message's body parts for a message, and
   * for a non-multipart entity (or message) part 1 is the entity itself.
   */
  public MimeEntity part(int part) {
    MimeEntity container = isMessage() ? message : this;
    if (container.isMultipart()) {
      return part >= 1 && part <= container.children.size()
          ? container.children.get(part - 1)
          : null;
    }
    return part == 1 ? container : null;
  }
}
