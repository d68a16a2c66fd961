package dev.yubin.ejb.submission.domain;

import dev.yubin.api.HeaderFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header section of a message (RFC 5322 §2.2) as an ordered list of fields, each kept exactly
 * as written (folding included) unless changed. Bytes are held as ISO-8859-1, one char per byte, so
 * UTF-8 fields (RFC 6532) come back out unchanged.
 */
public final class MessageHeader implements HeaderFields {

  /** One field: its name and its full text, {@code Name: value} with any folding, no final CRLF. */
  private record Field(String name, String text) {
    String value() {
      String raw = text.substring(text.indexOf(':') + 1);
      return raw.replace("\r\n", "").strip(); // unfolding, RFC 5322 §2.2.3
    }
  }

  private final List<Field> fields = new ArrayList<>();
  private boolean modified;

  private MessageHeader() {}

  /**
   * Reads the header section at the start of {@code in}, at most {@code limit} bytes. Lines that
   * are not fields (no colon, or whitespace before one) end the header, as Postfix treats them.
   *
   * @return the header and the offset of the body (just past the blank line, if there is one)
   * @throws HeaderTooLargeException when the header section does not end within the limit
   */
  public static Parsed read(InputStream in, int limit) throws IOException {
    byte[] head = in.readNBytes(limit);
    String text = new String(head, StandardCharsets.ISO_8859_1);
    MessageHeader header = new MessageHeader();
    int position = 0;
    while (position < text.length()) {
      int lineEnd = text.indexOf("\r\n", position);
      if (lineEnd < 0) {
        if (head.length == limit) {
          throw new HeaderTooLargeException(limit);
        }
        lineEnd = text.length(); // the message ends inside its header
      }
      if (lineEnd == position) {
        return new Parsed(header, position + 2); // the blank line
      }
      int colon = text.indexOf(':', position);
      boolean field =
          colon > position
              && colon < lineEnd
              && text.substring(position, colon).chars().allMatch(c -> c > ' ' && c < 127);
      if (!field) {
        return new Parsed(header, position); // no blank line: the body starts here
      }
      int end = lineEnd;
      while (end + 2 < text.length()
          && (text.charAt(end + 2) == ' ' || text.charAt(end + 2) == '\t')) {
        int next = text.indexOf("\r\n", end + 2);
        if (next < 0) {
          if (head.length == limit) {
            throw new HeaderTooLargeException(limit);
          }
          next = text.length();
        }
        end = next;
      }
      header.fields.add(new Field(text.substring(position, colon), text.substring(position, end)));
      position = Math.min(end + 2, text.length());
    }
    return new Parsed(header, text.length());
  }

  @Override
  public List<String> all(String name) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
  }

  @Override
  public void add(String name, String value) {
    fields.add(field(name, value));
    modified = true;
  }

  @Override
  public void prepend(String name, String value) {
    fields.add(0, field(name, value));
    modified = true;
  }

  @Override
  public int remove(String name) {
    int before = fields.size();
    fields.removeIf(f -> f.name().equalsIgnoreCase(name));
    modified |= fields.size() != before;
    return before - fields.size();
  }

  @Override
  public void set(String name, String value) {
    int index = -1;
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equalsIgnoreCase(name)) {
        index = i;
        break;
      }
    }
    remove(name);
    modified = true;
    if (index < 0 || index > fields.size()) {
      fields.add(field(name, value));
    } else {
      fields.add(index, field(name, value));
    }
  }

  private static Field field(String name, String value) {
    if (!name.chars().allMatch(c -> c > ' ' && c < 127 && c != ':')) {
      throw new IllegalArgumentException("not a field name: " + name);
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a field value is one line; folding is ours to do");
    }
    return new Field(name, name + ": " + value);
  }

  /** Whether a field was added, removed or changed since it was read. */
  public boolean modified() {
    return modified;
  }

  /** The header section as bytes, ending with the blank line. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Field f : fields) {
      out.writeBytes(f.text().getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(new byte[] {'\r', '\n'});
    }
    out.writeBytes(new byte[] {'\r', '\n'});
    return out.toByteArray();
  }

  /** The field names in order, lower case: for tests and logs. */
  public List<String> names() {
    return fields.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
  }

  /** A parsed header and where the body starts. */
  public record Parsed(MessageHeader header, int bodyOffset) {}

  /** The header section is larger than the limit. */
  public static final class HeaderTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    HeaderTooLargeException(int limit) {
      super("the header section exceeds " + limit + " octets");
    }
  }
}
