package dev.yubin.web.interfaces.webmail.render;

import java.io.IOException;
import org.jsoup.nodes.Element;

/**
 * Shows one kind of message part in the browser. Implementations are CDI beans found by {@link
 * PartRenderers} and asked in {@code jakarta.annotation.Priority} order (lowest first); a part no
 * renderer accepts is listed as an attachment. Built in: plain text, HTML, images and encapsulated
 * messages; a plugin adds a media type by adding a bean.
 */
public interface PartRenderer {

  /** Whether this renderer shows parts of {@code type}/{@code subtype} (both lower case). */
  boolean accepts(String type, String subtype);

  /**
   * Appends the view of {@code part} to {@code target}, built with jsoup's element API (which
   * escapes every text and attribute), never from strings of markup.
   */
  void render(Part part, RenderContext context, Element target) throws IOException;
}
