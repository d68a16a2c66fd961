package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import java.util.regex.Pattern;

/**
 * Rules for mailbox names a client may create: Unicode text with "/" between non-empty levels, no
 * control characters, no wildcards, no "." or ".." levels, bounded length.
 */
final class MailboxNames {

  static final char DELIMITER = '/';

  /** A level of at most this many characters, a name of at most this many. */
  private static final int MAX_LEVEL = 255;

  private static final int MAX_NAME = 1024;

  private MailboxNames() {}

  /** Throws {@link ImapSyntaxException} unless {@code name} may be created. */
  static void validate(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new ImapSyntaxException("CANNOT", "invalid mailbox name length");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '%' || c == '*') {
        throw new ImapSyntaxException("CANNOT", "invalid character in mailbox name");
      }
    }
    for (String level : name.split(Pattern.quote(String.valueOf(DELIMITER)), -1)) {
      if (level.isEmpty() || level.equals(".") || level.equals("..")) {
        throw new ImapSyntaxException("CANNOT", "invalid level in mailbox name");
      }
      if (level.length() > MAX_LEVEL) {
        throw new ImapSyntaxException("CANNOT", "mailbox name level too long");
      }
    }
  }

  /** The name without a trailing delimiter (RFC 3501 §6.3.3: "foo/" declares a parent). */
  static String withoutTrailingDelimiter(String name) {
    return name.length() > 1 && name.charAt(name.length() - 1) == DELIMITER
        ? name.substring(0, name.length() - 1)
        : name;
  }
}
