package dev.yubin.web.interfaces.webmail.render;

import dev.yubin.ejb.mailbox.domain.mime.BodyText;
import dev.yubin.ejb.mailbox.domain.mime.HeaderSection;
import dev.yubin.ejb.mailbox.domain.mime.MimeEntity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The state of rendering one message: where its content is read, the registry, the links of its
 * parts and the attachments found so far. Renderers of containers (an encapsulated message) call
 * {@link #renderBody} to go on below.
 */
public final class RenderContext {

  /** Header octets of an encapsulated message read at most. */
  static final int HEADER_LIMIT = 256 * 1024;

  private final BodyText.ContentSource source;
  private final PartRenderers renderers;
  private final MessageLinks links;
  private final boolean remoteAllowed;
  private final List<Attachment> attachments = new ArrayList<>();
  private boolean remoteBlocked;

  RenderContext(
      BodyText.ContentSource source,
      PartRenderers renderers,
      MessageLinks links,
      boolean remoteAllowed) {
    this.source = source;
    this.renderers = renderers;
    this.links = links;
    this.remoteAllowed = remoteAllowed;
  }

  public MessageLinks links() {
    return links;
  }

  /** Whether the user asked for remote images. */
  public boolean remoteAllowed() {
    return remoteAllowed;
  }

  /** Notes that an HTML part refers to remote content that was left out. */
  public void remoteBlocked() {
    remoteBlocked = true;
  }

  boolean isRemoteBlocked() {
    return remoteBlocked;
  }

  List<Attachment> attachments() {
    return attachments;
  }

  /** The part's text, transfer- and charset-decoded, up to {@link PartContent#TEXT_LIMIT}. */
  public PartContent.Text text(Part part) throws IOException {
    return PartContent.text(source, part.entity());
  }

  /** The decoded header fields of an entity that heads a message (the root or an encapsulated). */
  public List<HeaderSection.Field> header(MimeEntity message) throws IOException {
    long length = Math.min(message.headerSize(), HEADER_LIMIT);
    try (InputStream in = source.open(message.headerOffset(), length)) {
      return HeaderSection.parse(in.readAllBytes());
    }
  }

  /** Lists the part as an attachment. */
  public void attach(Part part) {
    MimeEntity entity = part.entity();
    String name = FileNames.of(entity);
    if (name == null) {
      name = "part-" + part.path() + (entity.isMessage() ? ".eml" : "");
    }
    attachments.add(
        new Attachment(
            part.path(), name, part.mediaType(), entity.bodySize(), links.download(part.path())));
  }

  /**
   * Renders the body of a message, the root or an encapsulated one whose entity is at {@code path}
   * ("" for the root): its parts are {@code path.1}, {@code path.2} ... (RFC 3501 §6.4.5).
   */
  public void renderBody(MimeEntity message, String path, Element target) throws IOException {
    if (message.isMultipart()) {
      multipart(message, path, target);
    } else {
      leaf(new Part(child(path, 1), message), target);
    }
  }

  private void multipart(MimeEntity entity, String path, Element target) throws IOException {
    List<MimeEntity> children = entity.children();
    switch (entity.subtype()) {
      case "alternative" -> {
        // the last alternative we can show is the richest (RFC 2046 §5.1.4)
        for (int i = children.size() - 1; i >= 0; i--) {
          MimeEntity child = children.get(i);
          if (child.isMultipart() || find(child) != null) {
            node(child, child(path, i + 1), target);
            return;
          }
        }
        for (int i = 0; i < children.size(); i++) {
          attach(new Part(child(path, i + 1), children.get(i)));
        }
      }
      case "related" -> {
        // the root is the first part unless start names another (RFC 2387 §3.2); the others
        // are what it refers to by cid:, listed only when they are attachments themselves
        int root = rootOf(entity);
        for (int i = 0; i < children.size(); i++) {
          MimeEntity child = children.get(i);
          if (i == root) {
            node(child, child(path, i + 1), target);
          } else if (isAttachment(child)) {
            attach(new Part(child(path, i + 1), child));
          }
        }
      }
      default -> {
        for (int i = 0; i < children.size(); i++) {
          node(children.get(i), child(path, i + 1), target);
        }
      }
    }
  }

  private static int rootOf(MimeEntity related) {
    String start = related.parameter("start");
    if (start != null) {
      for (int i = 0; i < related.children().size(); i++) {
        if (start.strip().equals(related.children().get(i).id())) {
          return i;
        }
      }
    }
    return 0;
  }

  private void node(MimeEntity entity, String path, Element target) throws IOException {
    if (entity.isMultipart()) {
      multipart(entity, path, target);
    } else {
      leaf(new Part(path, entity), target);
    }
  }

  private void leaf(Part part, Element target) throws IOException {
    PartRenderer renderer = find(part.entity());
    if (renderer == null || isAttachment(part.entity())) {
      attach(part);
      return;
    }
    renderer.render(part, this, target);
  }

  private PartRenderer find(MimeEntity entity) {
    return renderers.find(entity.type(), entity.subtype());
  }

  private static boolean isAttachment(MimeEntity entity) {
    return "attachment".equalsIgnoreCase(entity.disposition());
  }

  private static String child(String path, int index) {
    return ContentIds.child(path, index);
  }
}
