package dev.yubin.ejb.mailbox.domain.mime;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header fields of one entity that the structure needs, collected line by line: values are
 * unfolded (the line breaks of folding removed, RFC 5322 §2.2.3), white space after the colon is
 * skipped, and the octets are turned into text once the header ends (UTF-8 per RFC 6532, else a
 * legacy Japanese charset, else ISO-8859-1). At most {@code budget} octets are kept; fields past
 * that are dropped whole.
 */
final class EntityHeader {

  private static final Set<String> WANTED =
      Set.of(
          "content-type",
          "content-transfer-encoding",
          "content-id",
          "content-description",
          "content-md5",
          "content-disposition",
          "content-language",
          "content-location",
          "mime-version",
          "date",
          "subject",
          "from",
          "sender",
          "reply-to",
          "to",
          "cc",
          "bcc",
          "in-reply-to",
          "message-id",
          "references");

  private final Map<String, List<String>> fields = new HashMap<>();
  private int budget;
  private String name;
  private ByteArrayOutputStream value;

  EntityHeader(int budget) {
    this.budget = budget;
  }

  /** How many octets of the next line are worth keeping. */
  int keep() {
    return Math.max(budget, 0) + 2;
  }

  /** Takes one header line (its break included); continuation lines extend the last field. */
  void line(LineReader.Line line) {
    byte[] bytes = line.kept;
    int length = (int) Math.min(line.keptLength, line.contentLength());
    boolean continuation = length > 0 && (bytes[0] == ' ' || bytes[0] == '\t');
    if (!continuation) {
      finishField();
    }
    if (!line.whole() || length > budget) {
      budget = -1; // over the limit: this field and all later ones are dropped
      value = null;
      return;
    }
    budget -= length;
    if (continuation) {
      if (value != null) {
        value.write(bytes, 0, length);
      }
      return;
    }
    int colon = indexOf(bytes, length, (byte) ':');
    if (colon <= 0) {
      return; // not a field
    }
    int nameEnd = colon;
    while (nameEnd > 0 && (bytes[nameEnd - 1] == ' ' || bytes[nameEnd - 1] == '\t')) {
      nameEnd--;
    }
    String fieldName = new String(bytes, 0, nameEnd, java.nio.charset.StandardCharsets.ISO_8859_1);
    fieldName = fieldName.toLowerCase(Locale.ROOT);
    if (!WANTED.contains(fieldName)) {
      return;
    }
    int start = colon + 1;
    while (start < length && (bytes[start] == ' ' || bytes[start] == '\t')) {
      start++;
    }
    name = fieldName;
    value = new ByteArrayOutputStream(Math.max(16, length - start));
    value.write(bytes, start, length - start);
  }

  private static int indexOf(byte[] bytes, int length, byte wanted) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private void finishField() {
    if (name != null && value != null) {
      fields
          .computeIfAbsent(name, k -> new ArrayList<>(1))
          .add(MailCharsets.decodeUnlabelled(value.toByteArray()));
    }
    name = null;
    value = null;
  }

  /** Ends the header; call before reading fields. */
  EntityHeader finish() {
    finishField();
    return this;
  }

  /** All values of a field (lower-case name) in order. */
  List<String> all(String field) {
    return fields.getOrDefault(field, List.of());
  }

  String first(String field) {
    List<String> values = all(field);
    return values.isEmpty() ? null : values.get(0);
  }

  String last(String field) {
    List<String> values = all(field);
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }

  boolean has(String field) {
    return fields.containsKey(field);
  }
}
