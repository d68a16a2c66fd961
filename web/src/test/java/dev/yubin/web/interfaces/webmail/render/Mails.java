package dev.yubin.web.interfaces.webmail.render;

import dev.yubin.ejb.mailbox.domain.mime.BodyText;
import dev.yubin.ejb.mailbox.domain.mime.MessageStructure;
import dev.yubin.ejb.mailbox.domain.mime.MimeStructureParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Builds raw messages from pieces in several charsets, and renders them as the page would. */
final class Mails {

  static final Charset JIS = Charset.forName("x-windows-iso2022jp");
  static final Charset SJIS = Charset.forName("windows-31j");
  static final Charset EUC = Charset.forName("x-eucJP-Open");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** Lines in US-ASCII, each ended with CRLF. */
  Mails lines(String... lines) {
    for (String line : lines) {
      bytes.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  /** Text in a charset, then CRLF. */
  Mails text(String text, Charset charset) {
    bytes.writeBytes(text.getBytes(charset));
    bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  /** Raw octets as they are. */
  Mails raw(byte[] octets) {
    bytes.writeBytes(octets);
    return this;
  }

  byte[] bytes() {
    return bytes.toByteArray();
  }

  RenderedMessage render() {
    return render(bytes(), false);
  }

  static RenderedMessage render(byte[] message, boolean remoteAllowed) {
    try {
      MessageStructure structure =
          new MimeStructureParser().parse(new ByteArrayInputStream(message)).structure();
      return new MessageRendering(PartRenderers.builtIn())
          .render(structure, source(message), LINKS, remoteAllowed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BodyText.ContentSource source(byte[] message) {
    return (offset, length) ->
        new ByteArrayInputStream(
            message, (int) offset, (int) Math.min(length, message.length - offset));
  }

  static final MessageLinks LINKS =
      new MessageLinks() {
        @Override
        public String download(String path) {
          return "part/" + path;
        }

        @Override
        public String image(String path) {
          return "image/" + path;
        }

        @Override
        public String html(String path, boolean remoteContent) {
          return "html/" + path + (remoteContent ? "?remote" : "");
        }
      };

  /** {@code =?ISO-2022-JP?B?...?=} of the text. */
  static String jisWord(String text) {
    return "=?ISO-2022-JP?B?"
        + java.util.Base64.getEncoder().encodeToString(text.getBytes(JIS))
        + "?=";
  }
}
