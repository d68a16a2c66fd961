package dev.yubin.protocol.imap.backend;

import java.util.List;

/**
 * One MIME entity as BODYSTRUCTURE describes it (RFC 3501 §7.4.2, RFC 9051 §7.5.2), with the byte
 * offsets of its header and body in the message's content so that {@code BODY[section]} can be read
 * without parsing. Header values are raw (encoded words and RFC 2231 parameters as sent).
 *
 * @param type lower-case media type, e.g. {@code text}
 * @param subtype lower-case subtype, e.g. {@code plain}
 * @param parameters Content-Type parameters as name/value pairs, names lower-case
 * @param headerOffset where the entity's header starts
 * @param bodyOffset where its body starts (after the blank line)
 * @param end where its body ends
 * @param lines body lines, for text/* and message/rfc822
 * @param disposition the Content-Disposition type, or null
 * @param dispositionParameters its parameters as name/value pairs
 * @param language Content-Language tags, or empty
 * @param children the parts of a multipart, else empty
 * @param envelope the envelope of a message/rfc822 body (or of the message itself at the root)
 * @param message the body of a message/rfc822 part, else null
 */
public record MimePart(
    String type,
    String subtype,
    List<String> parameters,
    String id,
    String description,
    String encoding,
    String md5,
    String disposition,
    List<String> dispositionParameters,
    List<String> language,
    String location,
    long headerOffset,
    long bodyOffset,
    long end,
    long lines,
    List<MimePart> children,
    Envelope envelope,
    MimePart message) {

  public boolean isMultipart() {
    return type.equals("multipart");
  }

  public boolean isMessage() {
    return message != null;
  }

  /** The size of the body in octets. */
  public long bodySize() {
    return end - bodyOffset;
  }

  /** The size of the header in octets, the blank line included. */
  public long headerSize() {
    return bodyOffset - headerOffset;
  }
}
