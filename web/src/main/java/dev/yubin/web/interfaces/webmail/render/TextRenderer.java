package dev.yubin.web.interfaces.webmail.render;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Plain text (and any text/* type without a renderer of its own but HTML): decoded, kept as written
 * in a {@code pre}, web addresses turned into links on the DOM (never by rewriting markup).
 */
@ApplicationScoped
@Priority(1000)
public class TextRenderer implements PartRenderer {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'\\u3000-\\u30FF]+");

  @Override
  public boolean accepts(String type, String subtype) {
    return type.equals("text") && !subtype.equals("html");
  }

  @Override
  public void render(Part part, RenderContext context, Element target) throws IOException {
    PartContent.Text text = context.text(part);
    Element pre = target.appendElement("pre").addClass("text-part");
    linkify(text.text(), pre);
    if (text.truncated()) {
      target.appendElement("p").addClass("truncated").text("[…]");
    }
  }

  static void linkify(String text, Element target) {
    Matcher m = LINK.matcher(text);
    int at = 0;
    while (m.find()) {
      target.appendText(text.substring(at, m.start()));
      String url = trimPunctuation(m.group());
      target
          .appendElement("a")
          .attr("href", url)
          .attr("rel", "noopener noreferrer")
          .attr("target", "_blank")
          .text(url);
      at = m.start() + url.length();
    }
    target.appendText(text.substring(at));
  }

  private static String trimPunctuation(String url) {
    int end = url.length();
    while (end > 0 && ".,;:!?)]}".indexOf(url.charAt(end - 1)) >= 0) {
      end--;
    }
    return url.substring(0, end);
  }
}
