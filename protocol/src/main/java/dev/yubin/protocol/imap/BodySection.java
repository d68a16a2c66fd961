package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.MimePart;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code section} of BODY[...] or BINARY[...]: a part path ("1.2"), then optionally HEADER,
 * HEADER.FIELDS[.NOT] (names), TEXT or MIME, and a partial range {@code <origin.count>}.
 *
 * @see "RFC 3501 §6.4.5, RFC 3516 §4.2 (BINARY)"
 */
record BodySection(
    List<Integer> path, Text text, List<String> fields, long partialOrigin, long partialCount) {

  enum Text {
    ALL,
    HEADER,
    HEADER_FIELDS,
    HEADER_FIELDS_NOT,
    TEXT,
    MIME
  }

  /** Reads from after "[" to after the optional partial; {@code binary} allows paths only. */
  static BodySection parse(ArgumentReader args, boolean binary) {
    List<Integer> path = new ArrayList<>();
    Text text = Text.ALL;
    List<String> fields = List.of();
    while (args.peek() >= '1' && args.peek() <= '9') {
      long n = args.nzNumber();
      if (n > 10_000) {
        throw new ImapSyntaxException("section part number too large");
      }
      path.add((int) n);
      if (!args.consume('.')) {
        break;
      }
    }
    if (!args.next(']')) {
      if (binary) {
        throw new ImapSyntaxException("BINARY takes a part number only");
      }
      String keyword = args.keyword();
      switch (keyword) {
        case "HEADER" -> text = Text.HEADER;
        case "TEXT" -> text = Text.TEXT;
        case "MIME" -> {
          if (path.isEmpty()) {
            throw new ImapSyntaxException("MIME needs a part number");
          }
          text = Text.MIME;
        }
        case "HEADER.FIELDS", "HEADER.FIELDS.NOT" -> {
          text = keyword.endsWith(".NOT") ? Text.HEADER_FIELDS_NOT : Text.HEADER_FIELDS;
          args.space();
          args.expect('(');
          List<String> names = new ArrayList<>();
          do {
            names.add(args.astring().toUpperCase(Locale.ROOT));
          } while (args.consume(' '));
          args.expect(')');
          fields = List.copyOf(names);
        }
        default -> throw new ImapSyntaxException("unknown section " + keyword);
      }
    }
    args.expect(']');
    long origin = -1;
    long count = -1;
    if (args.consume('<')) {
      origin = args.number();
      args.expect('.');
      count = args.nzNumber();
      args.expect('>');
    }
    return new BodySection(List.copyOf(path), text, fields, origin, count);
  }

  /** The section as the response names it: "1.2.HEADER.FIELDS (FROM)", without the partial. */
  String spec() {
    StringBuilder spec = new StringBuilder();
    for (int i = 0; i < path.size(); i++) {
      spec.append(i == 0 ? "" : ".").append(path.get(i));
    }
    String name =
        switch (text) {
          case ALL -> "";
          case HEADER -> "HEADER";
          case TEXT -> "TEXT";
          case MIME -> "MIME";
          case HEADER_FIELDS -> "HEADER.FIELDS (" + String.join(" ", fields) + ")";
          case HEADER_FIELDS_NOT -> "HEADER.FIELDS.NOT (" + String.join(" ", fields) + ")";
        };
    if (!name.isEmpty()) {
      spec.append(path.isEmpty() ? "" : ".").append(name);
    }
    return spec.toString();
  }

  /**
   * The entity the path names (RFC 3501 §6.4.5): part n of a multipart, and inside a message/rfc822
   * part the parts of the message it holds; part 1 of a single-part message is its body. Null when
   * there is no such part.
   */
  MimePart locate(MimePart root) {
    MimePart current = root;
    for (int i = 0; i < path.size(); i++) {
      int n = path.get(i);
      MimePart container = current;
      if (i > 0 && container.isMessage()) {
        container = container.message();
      }
      if (container.isMultipart()) {
        if (n > container.children().size()) {
          return null;
        }
        current = container.children().get(n - 1);
      } else if (n == 1) {
        current = container; // a single-part entity is its own part 1
      } else {
        return null;
      }
    }
    return current;
  }
}
