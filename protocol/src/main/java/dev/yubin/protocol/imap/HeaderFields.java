package dev.yubin.protocol.imap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Selects header fields by name for {@code HEADER.FIELDS} and {@code HEADER.FIELDS.NOT}: whole
 * fields (continuation lines included) in their original order, then the blank line.
 *
 * @see "RFC 3501 §6.4.5"
 */
final class HeaderFields {

  private HeaderFields() {}

  static byte[] filter(byte[] header, List<String> names, boolean exclude) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < header.length) {
      int end = fieldEnd(header, i);
      if (end == i) {
        break;
      }
      if (isBlankLine(header, i, end)) {
        break;
      }
      String name = fieldName(header, i, end);
      boolean listed = name != null && names.contains(name.toUpperCase(Locale.ROOT));
      if (name != null && listed != exclude) {
        out.write(header, i, end - i);
      }
      i = end;
    }
    out.write('\r');
    out.write('\n');
    return out.toByteArray();
  }

  /** The end of the field starting at {@code from}: after its last line's LF. */
  private static int fieldEnd(byte[] header, int from) {
    int i = from;
    while (i < header.length) {
      int lf = i;
      while (lf < header.length && header[lf] != '\n') {
        lf++;
      }
      i = Math.min(lf + 1, header.length);
      if (i >= header.length || (header[i] != ' ' && header[i] != '\t')) {
        return i;
      }
    }
    return i;
  }

  private static boolean isBlankLine(byte[] header, int from, int end) {
    int length = end - from;
    return (length == 2 && header[from] == '\r') || (length == 1 && header[from] == '\n');
  }

  private static String fieldName(byte[] header, int from, int end) {
    for (int i = from; i < end; i++) {
      if (header[i] == ':') {
        return new String(header, from, i - from, StandardCharsets.US_ASCII).strip();
      }
      if (header[i] == '\r' || header[i] == '\n') {
        return null;
      }
    }
    return null;
  }
}
