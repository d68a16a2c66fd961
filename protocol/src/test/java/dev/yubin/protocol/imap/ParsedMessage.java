package dev.yubin.protocol.imap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a message the in-memory backend searches, sorts and threads by: header fields
 * unfolded and RFC 2047-decoded, the first address of an address field, the Date field, and the
 * body as text (transfer encoding undone, charset of Content-Type applied). Simplistic on purpose:
 * one body, no MIME tree.
 */
final class ParsedMessage {

  /** A mailbox of an address field: display name (decoded, may be empty), local part, domain. */
  record Address(String name, String local, String domain) {}

  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
  private static final Pattern CHARSET =
      Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

  private final List<String[]> fields = new ArrayList<>();
  private final String body;

  ParsedMessage(byte[] content) {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    int blank = text.indexOf("\r\n\r\n");
    int bodyStart = blank < 0 ? content.length : blank + 4;
    String header = blank < 0 ? text : text.substring(0, blank);
    for (String line : header.split("\r\n")) {
      if (!line.isEmpty()
          && (line.charAt(0) == ' ' || line.charAt(0) == '\t')
          && !fields.isEmpty()) {
        String[] last = fields.get(fields.size() - 1);
        last[1] = last[1] + line;
      } else if (line.indexOf(':') > 0) {
        int colon = line.indexOf(':');
        fields.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1)});
      }
    }
    byte[] raw = new byte[content.length - bodyStart];
    System.arraycopy(content, bodyStart, raw, 0, raw.length);
    body = bodyText(raw);
  }

  /** Every value of a field (decoded), in order; the field name is case-insensitive. */
  List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (String[] field : fields) {
      if (field[0].equalsIgnoreCase(name)) {
        values.add(decode(utf8(field[1])).strip());
      }
    }
    return values;
  }

  /** The first value of a field, or null. */
  String value(String name) {
    List<String> values = values(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The whole header, decoded. */
  String headerText() {
    StringBuilder text = new StringBuilder();
    for (String[] field : fields) {
      text.append(field[0]).append(": ").append(decode(utf8(field[1]))).append('\n');
    }
    return text.toString();
  }

  String body() {
    return body;
  }

  /** The first address of an address field, or null. */
  Address firstAddress(String field) {
    String value = value(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    String first = value.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[0].strip();
    String name = "";
    String spec = first;
    int open = first.indexOf('<');
    if (open >= 0 && first.indexOf('>', open) > open) {
      name = first.substring(0, open).strip().replaceAll("^\"|\"$", "");
      spec = first.substring(open + 1, first.indexOf('>', open));
    }
    int at = spec.lastIndexOf('@');
    return at < 0
        ? new Address(name, spec.strip(), "")
        : new Address(name, spec.substring(0, at).strip(), spec.substring(at + 1).strip());
  }

  /** The Date field, or null when missing or not RFC 5322. */
  OffsetDateTime date() {
    String value = value("Date");
    if (value == null) {
      return null;
    }
    try {
      String bare = value.replaceAll("\\([^)]*\\)", "").strip();
      return OffsetDateTime.parse(bare, DateTimeFormatter.RFC_1123_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private String bodyText(byte[] raw) {
    String encoding = value("Content-Transfer-Encoding");
    String type = value("Content-Type");
    Charset charset = StandardCharsets.UTF_8;
    if (type != null) {
      Matcher m = CHARSET.matcher(type);
      if (m.find()) {
        charset = charset(m.group(1));
      }
    }
    try (InputStream in =
        TransferDecoding.decode(
            new ByteArrayInputStream(raw), encoding == null ? "7bit" : encoding.strip())) {
      return new String(in.readAllBytes(), charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Header octets as UTF-8 (RFC 6532), since the field was read as Latin-1. */
  private static String utf8(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** RFC 2047: encoded words decoded; adjacent ones of a charset are joined before decoding. */
  static String decode(String value) {
    StringBuilder out = new StringBuilder();
    Matcher m = ENCODED_WORD.matcher(value);
    int end = 0;
    String pendingCharset = null;
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    while (m.find()) {
      String between = value.substring(end, m.start());
      boolean adjacent = pendingCharset != null && between.isBlank();
      if (!adjacent || !m.group(1).equalsIgnoreCase(pendingCharset)) {
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        if (!adjacent) {
          out.append(between);
        }
      }
      pendingCharset = m.group(1);
      byte[] bytes = wordBytes(m.group(2), m.group(3));
      pending.write(bytes, 0, bytes.length);
      end = m.end();
    }
    flush(out, pending, pendingCharset);
    return out.append(value.substring(end)).toString();
  }

  private static byte[] wordBytes(String encoding, String text) {
    if (encoding.equalsIgnoreCase("B")) {
      return Base64.getDecoder().decode(text);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        bytes.write(' ');
      } else if (c == '=' && i + 2 < text.length()) {
        bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toByteArray();
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream pending, String cs) {
    if (cs != null) {
      out.append(new String(pending.toByteArray(), charset(cs)));
    }
    pending.reset();
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name.toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
