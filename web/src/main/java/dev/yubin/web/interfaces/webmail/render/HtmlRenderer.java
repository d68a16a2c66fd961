package dev.yubin.web.interfaces.webmail.render;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.jsoup.nodes.Element;

/**
 * HTML mail: shown in a sandboxed frame (no script, no same origin, no forms) whose document is the
 * part washed by {@link HtmlWasher} and served with its own Content-Security-Policy. The part is
 * washed here too, to learn whether it refers to remote images the user may allow.
 */
@ApplicationScoped
@Priority(1000)
public class HtmlRenderer implements PartRenderer {

  /** What the frame may do: open links in a new top-level window, nothing else. */
  public static final String SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

  @Override
  public boolean accepts(String type, String subtype) {
    return type.equals("text") && subtype.equals("html");
  }

  @Override
  public void render(Part part, RenderContext context, Element target) throws IOException {
    HtmlWasher.Washed washed =
        HtmlWasher.wash(context.text(part).text(), id -> null, context.remoteAllowed());
    if (washed.remoteBlocked()) {
      context.remoteBlocked();
    }
    target
        .appendElement("iframe")
        .addClass("html-part")
        .attr("sandbox", SANDBOX)
        .attr("referrerpolicy", "no-referrer")
        .attr("title", "HTML")
        .attr("src", context.links().html(part.path(), context.remoteAllowed()));
  }
}
