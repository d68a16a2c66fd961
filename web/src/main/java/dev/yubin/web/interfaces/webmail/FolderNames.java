package dev.yubin.web.interfaces.webmail;

import dev.yubin.ejb.mailbox.domain.Mailbox;

/**
 * What a folder name typed in the browser may be: 1 to 200 characters, no control characters, no
 * IMAP wildcards ({@code %}, {@code *}), no empty level (leading, trailing or doubled delimiter).
 */
final class FolderNames {

  static final int MAX_LENGTH = 200;

  private FolderNames() {}

  static boolean isValid(String name) {
    if (name == null) {
      return false;
    }
    String strip = name.strip();
    if (strip.isEmpty() || strip.length() > MAX_LENGTH) {
      return false;
    }
    String delimiter = String.valueOf(Mailbox.DELIMITER);
    if (strip.startsWith(delimiter)
        || strip.endsWith(delimiter)
        || strip.contains(delimiter + delimiter)
        || strip.equalsIgnoreCase(Mailbox.INBOX)) {
      return false;
    }
    return strip.codePoints().noneMatch(c -> Character.isISOControl(c) || c == '%' || c == '*');
  }
}
