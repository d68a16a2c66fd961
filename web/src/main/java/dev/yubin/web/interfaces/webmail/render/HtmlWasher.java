package dev.yubin.web.interfaces.webmail.render;

import java.util.Locale;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Washes HTML mail through jsoup's allow-list {@link Cleaner} (research/webmail.md §2): only
 * allow-listed elements and attributes survive, so script, event handlers, forms, frames, objects,
 * {@code style} elements and {@code javascript:} links are gone. Then, on the DOM, never on the
 * serialized text: {@code cid:} images point at their part, remote images are dropped unless the
 * user asked for them, {@code style} attributes lose declarations that load or position anything,
 * and links open outside the frame.
 */
public final class HtmlWasher {

  /** The washed document and whether remote images were left out. */
  public record Washed(String html, boolean remoteBlocked) {}

  private static final Safelist SAFELIST =
      Safelist.relaxed()
          .addTags("font", "center", "hr", "s", "strike", "del", "ins", "span", "div")
          .addAttributes(":all", "style", "align", "dir", "lang", "title")
          .addAttributes("font", "color", "face", "size")
          .addAttributes(
              "table", "bgcolor", "border", "cellpadding", "cellspacing", "width", "height")
          .addAttributes("tr", "bgcolor", "valign")
          .addAttributes("td", "bgcolor", "valign", "nowrap", "height")
          .addAttributes("th", "bgcolor", "valign", "nowrap", "height")
          .addProtocols("img", "src", "cid");

  /** Values that load, run or escape: a declaration with one of these is dropped. */
  private static final String[] FORBIDDEN_IN_STYLE = {
    "url(",
    "image-set",
    "image(",
    "expression",
    "var(",
    "@import",
    "\\",
    "behavior",
    "binding",
    "javascript:",
    "attr("
  };

  private HtmlWasher() {}

  /**
   * Washes {@code html}; {@code contentIds} maps a Content-ID to the address of its part (null if
   * the message has none such), {@code remoteAllowed} keeps http(s) images.
   */
  public static Washed wash(
      String html, Function<String, String> contentIds, boolean remoteAllowed) {
    Document dirty = Jsoup.parse(html);
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    boolean blocked = false;
    for (Element image : clean.select("img")) {
      String src = image.attr("src");
      String lower = src.toLowerCase(Locale.ROOT);
      if (lower.startsWith("cid:")) {
        String url = contentIds.apply(src.substring(4));
        if (url == null) {
          image.removeAttr("src");
        } else {
          image.attr("src", url);
        }
      } else if (!src.isEmpty() && !remoteAllowed) {
        image.removeAttr("src");
        image.attr("data-blocked", "");
        blocked = true;
      }
    }
    for (Element styled : clean.select("[style]")) {
      String style = washStyle(styled.attr("style"));
      if (style.isEmpty()) {
        styled.removeAttr("style");
      } else {
        styled.attr("style", style);
      }
    }
    for (Element link : clean.select("a[href]")) {
      link.attr("target", "_blank").attr("rel", "noopener noreferrer");
    }
    Document out = Document.createShell("");
    out.head().appendElement("meta").attr("charset", "utf-8");
    out.head().appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
    for (org.jsoup.nodes.Node node : clean.body().childNodesCopy()) {
      out.body().appendChild(node);
    }
    out.outputSettings().charset("UTF-8");
    return new Washed(out.outerHtml(), blocked);
  }

  /** The declarations of a style attribute that neither load nor position anything. */
  static String washStyle(String style) {
    StringBuilder kept = new StringBuilder();
    for (String declaration : style.split(";")) {
      int colon = declaration.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value =
          declaration.substring(colon + 1).toLowerCase(Locale.ROOT).replaceAll("\\s", "");
      if (!property.matches("[a-z-]+") || property.equals("position") || forbidden(value)) {
        continue;
      }
      if (!kept.isEmpty()) {
        kept.append("; ");
      }
      kept.append(property).append(": ").append(declaration.substring(colon + 1).strip());
    }
    return kept.toString();
  }

  private static boolean forbidden(String value) {
    for (String bad : FORBIDDEN_IN_STYLE) {
      if (value.contains(bad)) {
        return true;
      }
    }
    return false;
  }
}
