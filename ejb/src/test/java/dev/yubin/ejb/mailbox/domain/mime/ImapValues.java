package dev.yubin.ejb.mailbox.domain.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads IMAP response data (RFC 3501 §4: atoms, numbers, NIL, quoted strings, literals and
 * parenthesized lists) into a tree, so that two responses compare by value whatever string form
 * (quoted or literal) each server chose.
 */
final class ImapValues {

  /** An atom, a number or NIL. */
  record Atom(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A string's content, from a quoted string or a literal. */
  record Str(String text) {
    @Override
    public String toString() {
      return '"' + text + '"';
    }
  }

  private final byte[] bytes;
  private int pos;

  private ImapValues(byte[] bytes, int pos) {
    this.bytes = bytes;
    this.pos = pos;
  }

  /** The parenthesized list that starts at {@code from}. */
  static List<Object> list(byte[] bytes, int from) {
    ImapValues reader = new ImapValues(bytes, from);
    Object value = reader.value();
    if (!(value instanceof List<?>)) {
      throw new IllegalArgumentException("not a list at " + from);
    }
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) value;
    return list;
  }

  private Object value() {
    byte b = bytes[pos];
    if (b == '(') {
      pos++;
      List<Object> list = new ArrayList<>();
      while (bytes[pos] != ')') {
        if (bytes[pos] == ' ') {
          pos++;
          continue;
        }
        list.add(value());
      }
      pos++;
      return list;
    }
    if (b == '"') {
      pos++;
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      while (bytes[pos] != '"') {
        if (bytes[pos] == '\\') {
          pos++;
        }
        out.write(bytes[pos++]);
      }
      pos++;
      return new Str(out.toString(StandardCharsets.UTF_8));
    }
    if (b == '{') {
      int close = pos;
      while (bytes[close] != '}') {
        close++;
      }
      int length =
          Integer.parseInt(new String(bytes, pos + 1, close - pos - 1, StandardCharsets.US_ASCII));
      int start = close + 3; // "}\r\n"
      pos = start + length;
      return new Str(new String(bytes, start, length, StandardCharsets.UTF_8));
    }
    int start = pos;
    while (pos < bytes.length && bytes[pos] != ' ' && bytes[pos] != ')' && bytes[pos] != '(') {
      pos++;
    }
    return new Atom(new String(bytes, start, pos - start, StandardCharsets.US_ASCII));
  }
}
