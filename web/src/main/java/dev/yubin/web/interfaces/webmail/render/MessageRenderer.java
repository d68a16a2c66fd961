package dev.yubin.web.interfaces.webmail.render;

import dev.yubin.ejb.mailbox.domain.mime.HeaderSection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * An encapsulated message (message/rfc822, message/global): its main header fields, then its body
 * rendered part by part; the whole message is also listed for download.
 */
@ApplicationScoped
@Priority(1000)
public class MessageRenderer implements PartRenderer {

  static final List<String> SHOWN_FIELDS = List.of("From", "Date", "Subject", "To", "Cc");

  private static final Set<String> SUBTYPES = Set.of("rfc822", "global");

  @Override
  public boolean accepts(String type, String subtype) {
    return type.equals("message") && SUBTYPES.contains(subtype);
  }

  @Override
  public void render(Part part, RenderContext context, Element target) throws IOException {
    if (!part.entity().isMessage()) {
      context.attach(part); // beyond the parser's depth limit: not opened
      return;
    }
    Element box = target.appendElement("section").addClass("attached-message");
    Element fields = box.appendElement("dl").addClass("attached-header");
    List<HeaderSection.Field> header = context.header(part.entity().message());
    for (String name : SHOWN_FIELDS) {
      for (HeaderSection.Field field : header) {
        if (field.name().equalsIgnoreCase(name)) {
          fields.appendElement("dt").text(name);
          fields.appendElement("dd").text(field.value());
          break;
        }
      }
    }
    context.renderBody(part.entity().message(), part.path(), box);
    context.attach(part);
  }
}
