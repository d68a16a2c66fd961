package dev.yubin.ejb.mailbox.domain.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A message's header section as text, for SEARCH HEADER on fields the store does not keep and for
 * SEARCH TEXT: every field unfolded (RFC 5322 §2.2.3), its octets read as {@link
 * MailCharsets#decodeUnlabelled} does and its encoded words decoded (RFC 2047).
 */
public final class HeaderSection {

  /** One field: its name as written and its decoded value. */
  public record Field(String name, String value) {}

  private HeaderSection() {}

  /** The fields of {@code header} (the octets up to the blank line; more are ignored). */
  public static List<Field> parse(byte[] header) {
    List<Field> fields = new ArrayList<>();
    String name = null;
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    int start = 0;
    while (start < header.length) {
      int end = start;
      while (end < header.length && header[end] != '\n') {
        end++;
      }
      int contentEnd = end > start && header[end - 1] == '\r' ? end - 1 : end;
      if (contentEnd == start) {
        break; // the blank line ends the header
      }
      boolean continuation = header[start] == ' ' || header[start] == '\t';
      if (continuation) {
        if (name != null) {
          value.write(header, start, contentEnd - start);
        }
      } else {
        add(fields, name, value);
        name = null;
        int colon = indexOf(header, start, contentEnd, (byte) ':');
        if (colon > start) {
          name = new String(header, start, colon - start, StandardCharsets.ISO_8859_1).strip();
          value.write(header, colon + 1, contentEnd - colon - 1);
        }
      }
      start = end + 1;
    }
    add(fields, name, value);
    return fields;
  }

  private static void add(List<Field> fields, String name, ByteArrayOutputStream value) {
    if (name != null) {
      String text = HeaderDecoder.decode(MailCharsets.decodeUnlabelled(value.toByteArray()));
      fields.add(new Field(name, text.strip()));
    }
    value.reset();
  }

  private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
