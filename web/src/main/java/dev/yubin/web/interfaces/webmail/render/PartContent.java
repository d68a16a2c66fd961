package dev.yubin.web.interfaces.webmail.render;

import dev.yubin.ejb.mailbox.domain.mime.BodyText;
import dev.yubin.ejb.mailbox.domain.mime.MailCharsets;
import dev.yubin.ejb.mailbox.domain.mime.MimeEntity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * A part's body as octets and as text: transfer-decoded (base64, quoted-printable; anything else as
 * it is), and for text decoded through the store's charset table ({@link MailCharsets}); a part
 * without a known charset is read as UTF-8 when valid, else as unlabelled Japanese or Latin-1. Text
 * is read up to a limit, so a huge part costs bounded memory.
 */
public final class PartContent {

  /** Decoded octets of one text part that a page shows at most (2 MiB). */
  public static final int TEXT_LIMIT = 2 << 20;

  /** A part's text, and whether it was cut at the limit. */
  public record Text(String text, boolean truncated) {}

  private PartContent() {}

  /** The transfer-decoded body as a stream. */
  public static InputStream open(BodyText.ContentSource source, MimeEntity entity)
      throws IOException {
    InputStream raw = source.open(entity.bodyOffset(), entity.bodySize());
    String encoding = entity.transferEncoding();
    if (encoding == null) {
      return raw;
    }
    return switch (encoding.strip().toLowerCase(Locale.ROOT)) {
      case "base64" -> new Base64InputStream(raw, DecodeMonitor.SILENT);
      case "quoted-printable" -> new QuotedPrintableInputStream(raw, DecodeMonitor.SILENT);
      default -> raw;
    };
  }

  /** The body's text, up to {@link #TEXT_LIMIT} decoded octets. */
  public static Text text(BodyText.ContentSource source, MimeEntity entity) throws IOException {
    byte[] bytes;
    boolean truncated;
    try (InputStream in = open(source, entity)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while (out.size() < TEXT_LIMIT && (n = in.read(buffer)) > 0) {
        out.write(buffer, 0, Math.min(n, TEXT_LIMIT - out.size()));
      }
      truncated = in.read() >= 0;
      bytes = out.toByteArray();
    }
    return new Text(decode(bytes, entity.parameter("charset")), truncated);
  }

  /** Text from octets labelled {@code label} (null or unknown: guessed as headers are). */
  static String decode(byte[] bytes, String label) {
    Charset charset = MailCharsets.forLabel(label);
    if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
      return MailCharsets.decodeUnlabelled(bytes);
    }
    return MailCharsets.decode(bytes, charset);
  }
}
