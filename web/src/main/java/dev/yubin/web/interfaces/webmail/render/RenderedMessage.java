package dev.yubin.web.interfaces.webmail.render;

import dev.yubin.ejb.mailbox.domain.mime.HeaderSection;
import java.util.List;

/**
 * A message ready for its page.
 *
 * @param header every field of the message's header, decoded, in order (trace fields included)
 * @param body the rendered parts as HTML built by jsoup (every text escaped)
 * @param attachments the parts offered for download
 * @param remoteContentBlocked whether HTML parts refer to remote images that were left out
 */
public record RenderedMessage(
    List<HeaderSection.Field> header,
    String body,
    List<Attachment> attachments,
    boolean remoteContentBlocked) {

  /** The first value of a field (case-insensitive), or null. */
  public String field(String name) {
    for (HeaderSection.Field field : header) {
      if (field.name().equalsIgnoreCase(name)) {
        return field.value();
      }
    }
    return null;
  }
}
