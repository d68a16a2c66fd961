package dev.yubin.web.interfaces.webmail.render;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Raster images shown in the page (and listed for download). SVG is not among them: it can carry
 * script, so it is only ever downloaded.
 */
@ApplicationScoped
@Priority(1000)
public class ImageRenderer implements PartRenderer {

  /** The image subtypes shown inline, and served as images. */
  public static final Set<String> SHOWN = Set.of("png", "jpeg", "jpg", "gif", "webp", "bmp");

  @Override
  public boolean accepts(String type, String subtype) {
    return type.equals("image") && SHOWN.contains(subtype);
  }

  @Override
  public void render(Part part, RenderContext context, Element target) {
    String name = FileNames.of(part.entity());
    target
        .appendElement("img")
        .addClass("image-part")
        .attr("src", context.links().image(part.path()))
        .attr("alt", name == null ? "" : name);
    context.attach(part);
  }
}
