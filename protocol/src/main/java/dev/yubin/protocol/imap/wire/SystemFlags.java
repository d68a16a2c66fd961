package dev.yubin.protocol.imap.wire;

import java.util.Locale;
import java.util.Map;

/** The system flags of RFC 3501 §2.3.2, whose names are case-insensitive. */
public final class SystemFlags {

  private static final Map<String, String> CANONICAL =
      Map.of(
          "SEEN", "Seen",
          "ANSWERED", "Answered",
          "FLAGGED", "Flagged",
          "DELETED", "Deleted",
          "DRAFT", "Draft",
          "RECENT", "Recent");

  private SystemFlags() {}

  /** The canonical spelling of a system flag's name (without the backslash), else as given. */
  static String canonical(String name) {
    return CANONICAL.getOrDefault(name.toUpperCase(Locale.ROOT), name);
  }
}
