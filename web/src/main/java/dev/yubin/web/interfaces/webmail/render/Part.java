package dev.yubin.web.interfaces.webmail.render;

import dev.yubin.ejb.mailbox.domain.mime.MimeEntity;

/**
 * One leaf part of a message and its IMAP section path ({@code 1.2}, RFC 3501 §6.4.5), by which its
 * content is asked for again.
 */
public record Part(String path, MimeEntity entity) {

  /** The media type in lower case, e.g. {@code text/plain}. */
  public String mediaType() {
    return entity.type() + "/" + entity.subtype();
  }
}
