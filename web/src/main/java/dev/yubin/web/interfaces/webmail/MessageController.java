package dev.yubin.web.interfaces.webmail;

import dev.yubin.ejb.mailbox.application.MailboxReader;
import dev.yubin.ejb.mailbox.application.MessageUpdates;
import dev.yubin.ejb.mailbox.domain.FlagChange;
import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import dev.yubin.ejb.mailbox.domain.mime.MimeEntity;
import dev.yubin.web.interfaces.webmail.render.ContentIds;
import dev.yubin.web.interfaces.webmail.render.FileNames;
import dev.yubin.web.interfaces.webmail.render.HtmlRenderer;
import dev.yubin.web.interfaces.webmail.render.HtmlWasher;
import dev.yubin.web.interfaces.webmail.render.ImageRenderer;
import dev.yubin.web.interfaces.webmail.render.MessageLinks;
import dev.yubin.web.interfaces.webmail.render.MessageRendering;
import dev.yubin.web.interfaces.webmail.render.PartContent;
import dev.yubin.web.interfaces.webmail.render.PartRenderers;
import dev.yubin.web.interfaces.webmail.render.RenderedMessage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A message: its page (header, parts as the renderers show them, attachments, the whole header on
 * demand), and its parts from their own addresses. Downloads and the original are served as
 * attachments or plain text under {@code Content-Security-Policy: sandbox}, so no part is ever a
 * page of our origin; HTML parts are washed and shown only in a sandboxed frame with a policy that
 * loads nothing but our images (and remote ones once the user asks). Only the page is an MVC
 * controller: Krazo would take the String entity of any other method for a view name.
 */
@Path("box/{id}/{uid}")
@RequestScoped
public class MessageController {

  /** The policy of anything served from a message that is not our page. */
  static final String DOWNLOAD_POLICY = "sandbox; default-src 'none'";

  @Inject Models models;
  @Inject AccountFolders account;
  @Inject MailboxReader reader;
  @Inject MessageUpdates updates;
  @Inject PartRenderers renderers;
  @Context HttpServletRequest request;

  @PathParam("id")
  long id;

  @PathParam("uid")
  long uid;

  private StoredMessage load() {
    account.get(id); // 404 unless the folder is the account's
    return StoredMessage.load(reader, account.account(), id, uid);
  }

  /** The message's page (only this method is a controller: the others answer with content). */
  @GET
  @Controller
  public String page(@QueryParam("remote") String remote) throws IOException {
    StoredMessage message = load();
    boolean remoteAllowed = remote != null;
    RenderedMessage rendered =
        new MessageRendering(renderers)
            .render(message.structure(), message, links(), remoteAllowed);
    if (!message.summary().flags().has(SystemFlag.SEEN)) {
      updates.store(
          account.account(),
          id,
          new long[] {uid},
          new FlagChange(FlagChange.Mode.ADD, Flags.of(EnumSet.of(SystemFlag.SEEN), Set.of())),
          -1);
      account.changed(); // the folder's unread count just went down
    }
    models.put("folders", account.tree());
    models.put("folder", account.get(id));
    models.put("uid", uid);
    models.put("message", rendered);
    models.put("flagged", message.summary().flags().has(SystemFlag.FLAGGED));
    models.put("size", Sizes.human(message.summary().size()));
    models.put("remoteAllowed", remoteAllowed);
    return "message.xhtml";
  }

  private MessageLinks links() {
    String base = request.getContextPath() + WebmailApplication.PATH + "/box/" + id + "/" + uid;
    return new MessageLinks() {
      @Override
      public String download(String path) {
        return base + "/part/" + path;
      }

      @Override
      public String image(String path) {
        return base + "/image/" + path;
      }

      @Override
      public String html(String path, boolean remoteContent) {
        return base + "/html/" + path + (remoteContent ? "?remote" : "");
      }
    };
  }

  /** A part as a download, whatever its type. */
  @GET
  @Path("part/{path}")
  public Response download(@PathParam("path") String path) {
    StoredMessage message = load();
    MimeEntity part = message.section(path);
    String name = FileNames.of(part);
    if (name == null) {
      name = "part-" + path + (part.isMessage() ? ".eml" : ".bin");
    }
    return Response.ok(stream(message, part), "application/octet-stream")
        .header("Content-Disposition", attachment(name))
        .header("Content-Security-Policy", DOWNLOAD_POLICY)
        .build();
  }

  /** An image part for our pages: only raster types, never SVG. */
  @GET
  @Path("image/{path}")
  public Response image(@PathParam("path") String path) {
    StoredMessage message = load();
    MimeEntity part = message.section(path);
    if (!part.type().equals("image") || !ImageRenderer.SHOWN.contains(part.subtype())) {
      throw new NotFoundException();
    }
    String subtype = part.subtype().equals("jpg") ? "jpeg" : part.subtype();
    return Response.ok(stream(message, part), "image/" + subtype)
        .header("Content-Disposition", "inline")
        .header("Content-Security-Policy", DOWNLOAD_POLICY)
        .header("Cache-Control", "private, max-age=3600")
        .build();
  }

  /** An HTML part washed, for the sandboxed frame of the message page. */
  @GET
  @Path("html/{path}")
  public Response html(@PathParam("path") String path, @QueryParam("remote") String remote)
      throws IOException {
    StoredMessage message = load();
    MimeEntity part = message.section(path);
    if (!part.type().equals("text") || !part.subtype().equals("html")) {
      throw new NotFoundException();
    }
    boolean remoteAllowed = remote != null;
    Map<String, String> ids = ContentIds.of(message.structure().root());
    MessageLinks links = links();
    HtmlWasher.Washed washed =
        HtmlWasher.wash(
            PartContent.text(message, part).text(),
            cid -> {
              String target = ids.get(cid);
              if (target == null) {
                return null;
              }
              MimeEntity image = message.section(target);
              return image.type().equals("image") && ImageRenderer.SHOWN.contains(image.subtype())
                  ? links.image(target)
                  : null;
            },
            remoteAllowed);
    String images = remoteAllowed ? "'self' data: https: http:" : "'self' data:";
    return Response.ok(washed.html(), "text/html; charset=UTF-8")
        .header(
            "Content-Security-Policy",
            "sandbox "
                + HtmlRenderer.SANDBOX
                + "; default-src 'none'; img-src "
                + images
                + "; style-src 'unsafe-inline'; frame-ancestors 'self'")
        .build();
  }

  /** The message as stored, as plain text ("show original"). */
  @GET
  @Path("raw")
  public Response raw() {
    StoredMessage message = load();
    StreamingOutput body =
        out -> {
          try (InputStream in = message.open(0, message.summary().size())) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, "text/plain; charset=UTF-8")
        .header("Content-Disposition", "inline; filename=\"message-" + uid + ".eml\"")
        .header("Content-Security-Policy", DOWNLOAD_POLICY)
        .build();
  }

  private static StreamingOutput stream(StoredMessage message, MimeEntity part) {
    return out -> {
      try (InputStream in = PartContent.open(message, part)) {
        in.transferTo(out);
      }
    };
  }

  /**
   * {@code attachment} with the name twice (RFC 6266): an ASCII fallback with everything else as
   * {@code _}, and the UTF-8 name percent-encoded.
   */
  static String attachment(String name) {
    StringBuilder ascii = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
