package dev.yubin.ejb.mailbox.domain.mime;

import java.util.List;

/** What an entity's Content-* header fields say, with the defaults of RFC 2045 and RFC 2046. */
record Content(
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
    boolean encapsulates,
    String boundary) {

  /**
   * Reads an entity's content fields.
   *
   * @param parent the parent's content (null at the top)
   * @param roomForMore false when the nesting or entity limits are reached: a multipart or message
   *     is then not opened and is described as application/octet-stream, as Dovecot does
   */
  static Content of(EntityHeader header, Content parent, boolean roomForMore) {
    boolean inMultipart = parent != null && parent.isMultipart();
    // RFC 2045 §4: Content-* fields count in a MIME entity; Dovecot also takes Content-Type alone.
    boolean mime = inMultipart || header.has("mime-version") || header.has("content-type");
    ContentFields.Typed type = mime ? typeOf(header.first("content-type")) : null;
    if (type == null) {
      boolean digest = inMultipart && parent.subtype().equals("digest");
      type =
          digest
              ? new ContentFields.Typed("message", "rfc822", List.of())
              : new ContentFields.Typed("text", "plain", List.of());
    }
    String boundary = null;
    boolean encapsulates = false;
    boolean container =
        type.type().equals("multipart")
            || (type.type().equals("message")
                && (type.subtype().equals("rfc822") || type.subtype().equals("global")));
    if (container && !roomForMore) {
      type = new ContentFields.Typed("application", "octet-stream", type.parameters());
    } else if (type.type().equals("multipart")) {
      boundary = boundary(type.parameters());
    } else {
      encapsulates = container;
    }
    ContentFields.Typed disposition = null;
    String dispositionValue = mime ? header.first("content-disposition") : null;
    if (dispositionValue != null) {
      disposition = ContentFields.disposition(dispositionValue);
    }
    String encoding = mime ? header.first("content-transfer-encoding") : null;
    String language = mime ? header.first("content-language") : null;
    return new Content(
        type.type(),
        type.subtype(),
        type.parameters(),
        mime ? header.first("content-id") : null,
        mime ? header.first("content-description") : null,
        encoding == null ? null : ContentFields.transferEncoding(encoding),
        mime ? header.first("content-md5") : null,
        disposition == null ? null : disposition.type(),
        disposition == null ? List.of() : disposition.parameters(),
        language == null ? List.of() : ContentFields.language(language),
        mime ? header.first("content-location") : null,
        encapsulates,
        boundary);
  }

  private static ContentFields.Typed typeOf(String value) {
    return value == null ? null : ContentFields.contentType(value);
  }

  /** The boundary parameter, cut to {@link MimeStructureParser#MAX_BOUNDARY}; null if none. */
  private static String boundary(List<MimeParameter> parameters) {
    String boundary = MimeParameters.find(parameters, "boundary");
    if (boundary == null || boundary.isEmpty()) {
      return null;
    }
    for (int i = 0; i < boundary.length(); i++) {
      if (boundary.charAt(i) >= 0x80) {
        return null; // boundaries are 7-bit (RFC 2046 §5.1.1); we match octets
      }
    }
    return boundary.length() > MimeStructureParser.MAX_BOUNDARY
        ? boundary.substring(0, MimeStructureParser.MAX_BOUNDARY)
        : boundary;
  }

  boolean isMultipart() {
    return type.equals("multipart");
  }

  MimeEntity entity(
      long headerOffset,
      long bodyOffset,
      long end,
      long lines,
      List<MimeEntity> children,
      MimeEntity message,
      Envelope envelope) {
    return new MimeEntity(
        type,
        subtype,
        parameters,
        id,
        description,
        transferEncoding,
        md5,
        disposition,
        dispositionParameters,
        language,
        location,
        headerOffset,
        bodyOffset,
        end,
        lines,
        children,
        encapsulates ? message : null,
        envelope);
  }
}
