package dev.yubin.ejb.mailbox.domain.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * The decoded text of a message's text parts, for SEARCH BODY and TEXT (RFC 3501 §6.4.4): each
 * text/* part (those inside encapsulated messages too) is transfer-decoded (base64,
 * quoted-printable), charset-decoded through {@link MailCharsets}, HTML reduced to its text, and
 * the parts joined with a line break. Reads the content part by part as a stream and stops at a
 * limit, so memory stays bounded whatever the message's size.
 */
public final class BodyText {

  /** Reads {@code length} octets of the message's content from {@code offset}. */
  @FunctionalInterface
  public interface ContentSource {
    InputStream open(long offset, long length) throws IOException;
  }

  /** Characters of text kept per message by default (1 Mi). */
  public static final int DEFAULT_LIMIT = 1 << 20;

  /** A part's decoded characters read at most, as a multiple of the limit (huge HTML tags). */
  private static final int READ_FACTOR = 16;

  private final ContentSource content;
  private final int limit;
  private final StringBuilder out = new StringBuilder();

  private BodyText(ContentSource content, int limit) {
    this.content = content;
    this.limit = limit;
  }

  /** The text of {@code structure}'s text parts, at most {@link #DEFAULT_LIMIT} characters. */
  public static String extract(MessageStructure structure, ContentSource content)
      throws IOException {
    return extract(structure, content, DEFAULT_LIMIT);
  }

  /** The text of {@code structure}'s text parts, at most {@code limit} characters. */
  public static String extract(MessageStructure structure, ContentSource content, int limit)
      throws IOException {
    BodyText text = new BodyText(content, limit);
    text.walk(structure.root());
    return text.out.toString();
  }

  private void walk(MimeEntity entity) throws IOException {
    if (out.length() >= limit) {
      return;
    }
    if (entity.isMultipart()) {
      for (MimeEntity child : entity.children()) {
        walk(child);
      }
    } else if (entity.isMessage()) {
      walk(entity.message());
    } else if (entity.isText() && entity.bodySize() > 0) {
      part(entity);
    }
  }

  private void part(MimeEntity entity) throws IOException {
    if (!out.isEmpty()) {
      out.append('\n');
    }
    Charset charset = MailCharsets.forLabel(entity.charset());
    if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
      charset = StandardCharsets.UTF_8; // unknown, or 8-bit text sent unlabelled: try UTF-8
    }
    boolean html = entity.subtype().equals("html");
    int start = out.length();
    if (MailCharsets.isIso2022Jp(charset)) {
      // strictly, then with JIS X 0212, then leniently (research/webmail.md)
      for (Charset attempt : new Charset[] {charset, MailCharsets.ISO_2022_JP_0212}) {
        try {
          read(entity, attempt, true, html);
          return;
        } catch (CharacterCodingException e) {
          out.setLength(start);
        }
      }
    }
    read(entity, charset, false, html);
  }

  private void read(MimeEntity entity, Charset charset, boolean strict, boolean html)
      throws IOException {
    try (InputStream raw = content.open(entity.bodyOffset(), entity.bodySize());
        Reader reader =
            new InputStreamReader(decoded(raw, entity), MailCharsets.decoder(charset, strict))) {
      HtmlText stripper = html ? new HtmlText(out) : null;
      char[] buffer = new char[8192];
      long budget = (long) limit * READ_FACTOR;
      int n;
      while (out.length() < limit && budget > 0 && (n = reader.read(buffer)) > 0) {
        budget -= n;
        if (stripper != null) {
          stripper.feed(buffer, n, limit);
        } else {
          out.append(buffer, 0, Math.min(n, limit - out.length()));
        }
      }
    }
  }

  private static InputStream decoded(InputStream raw, MimeEntity entity) {
    String encoding = entity.transferEncoding();
    if (encoding == null) {
      return raw;
    }
    return switch (encoding.toLowerCase(Locale.ROOT)) {
      case "base64" -> new Base64InputStream(raw, DecodeMonitor.SILENT);
      case "quoted-printable" -> new QuotedPrintableInputStream(raw, DecodeMonitor.SILENT);
      default -> raw;
    };
  }
}
