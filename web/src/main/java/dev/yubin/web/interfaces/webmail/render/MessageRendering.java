package dev.yubin.web.interfaces.webmail.render;

import dev.yubin.ejb.mailbox.domain.mime.BodyText;
import dev.yubin.ejb.mailbox.domain.mime.MessageStructure;
import java.io.IOException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Renders a stored message for its page with the renderers of a registry. */
public final class MessageRendering {

  private final PartRenderers renderers;

  public MessageRendering(PartRenderers renderers) {
    this.renderers = renderers;
  }

  /**
   * The message's header and rendered body; {@code remoteAllowed} lets HTML parts load remote
   * images.
   */
  public RenderedMessage render(
      MessageStructure structure,
      BodyText.ContentSource source,
      MessageLinks links,
      boolean remoteAllowed)
      throws IOException {
    RenderContext context = new RenderContext(source, renderers, links, remoteAllowed);
    Document document = Document.createShell("");
    Element body = document.body().appendElement("div").addClass("message-body");
    context.renderBody(structure.root(), "", body);
    return new RenderedMessage(
        context.header(structure.root()),
        body.outerHtml(),
        context.attachments(),
        context.isRemoteBlocked());
  }
}
