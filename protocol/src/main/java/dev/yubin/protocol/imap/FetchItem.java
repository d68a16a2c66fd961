package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * One requested FETCH attribute.
 *
 * @param name the attribute as the response names it (e.g. {@code BODY}, {@code RFC822.SIZE})
 * @param section for BODY[...] and BODY.PEEK[...], else null
 * @param peek whether the body fetch leaves \Seen alone
 * @see "RFC 3501 §6.4.5, RFC 3516 (BINARY)"
 */
record FetchItem(String name, BodySection section, boolean peek) {

  /** Reads the attribute list after FETCH's sequence set: a macro, one item, or a list. */
  static List<FetchItem> parseList(ArgumentReader args) {
    List<FetchItem> items = new ArrayList<>();
    if (args.consume('(')) {
      do {
        items.add(parse(args));
      } while (args.consume(' '));
      args.expect(')');
      return items;
    }
    String first = args.itemName();
    switch (first) {
      case "ALL" -> add(items, "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE");
      case "FAST" -> add(items, "FLAGS", "INTERNALDATE", "RFC822.SIZE");
      case "FULL" -> add(items, "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY");
      default -> items.add(rest(first, args));
    }
    return items;
  }

  private static void add(List<FetchItem> items, String... names) {
    for (String name : names) {
      items.add(new FetchItem(name, null, false));
    }
  }

  private static FetchItem parse(ArgumentReader args) {
    return rest(args.itemName(), args);
  }

  private static FetchItem rest(String name, ArgumentReader args) {
    switch (name) {
      case "ENVELOPE",
          "FLAGS",
          "INTERNALDATE",
          "RFC822",
          "RFC822.HEADER",
          "RFC822.SIZE",
          "RFC822.TEXT",
          "BODYSTRUCTURE",
          "UID",
          "MODSEQ" -> {
        return new FetchItem(name, null, false);
      }
      case "BODY" -> {
        if (args.consume('[')) {
          return new FetchItem("BODY", BodySection.parse(args, false), false);
        }
        return new FetchItem("BODY", null, false);
      }
      case "BODY.PEEK" -> {
        args.expect('[');
        return new FetchItem("BODY", BodySection.parse(args, false), true);
      }
      case "BINARY", "BINARY.PEEK", "BINARY.SIZE" -> {
        args.expect('[');
        return new FetchItem(
            name.equals("BINARY.SIZE") ? name : "BINARY",
            BodySection.parse(args, true),
            !name.equals("BINARY"));
      }
      default -> throw new ImapSyntaxException("unknown FETCH item " + name);
    }
  }

  /** Whether the item needs the stored MIME structure. */
  boolean needsStructure() {
    return switch (name) {
      case "ENVELOPE", "BODYSTRUCTURE", "RFC822.HEADER", "RFC822.TEXT" -> true;
      case "BINARY", "BINARY.SIZE" -> !section.path().isEmpty();
      case "BODY" ->
          section == null || !section.path().isEmpty() || section.text() != BodySection.Text.ALL;
      default -> false;
    };
  }

  /** Whether fetching it sets \Seen (RFC 3501 §6.4.5). */
  boolean setsSeen() {
    return ((name.equals("BODY") || name.equals("BINARY")) && section != null && !peek)
        || name.equals("RFC822")
        || name.equals("RFC822.TEXT");
  }
}
