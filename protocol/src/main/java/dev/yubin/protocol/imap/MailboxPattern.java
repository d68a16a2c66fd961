package dev.yubin.protocol.imap;

import java.util.regex.Pattern;

/**
 * A LIST pattern joined to its reference name: "*" matches anything, "%" anything but the delimiter
 * (RFC 3501 §6.3.8). "INBOX" matches in any case.
 */
final class MailboxPattern {

  private final Pattern regex;

  private MailboxPattern(Pattern regex) {
    this.regex = regex;
  }

  static MailboxPattern of(String reference, String pattern) {
    String full;
    if (pattern.startsWith(String.valueOf(MailboxNames.DELIMITER)) || reference.isEmpty()) {
      full = pattern;
    } else if (reference.endsWith(String.valueOf(MailboxNames.DELIMITER))) {
      full = reference + pattern;
    } else {
      full = reference + MailboxNames.DELIMITER + pattern;
    }
    int slash = full.indexOf(MailboxNames.DELIMITER);
    String first = slash < 0 ? full : full.substring(0, slash);
    if (first.equalsIgnoreCase("INBOX")) {
      full = "INBOX" + full.substring(first.length()); // INBOX is case-insensitive
    }
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < full.length(); i++) {
      char c = full.charAt(i);
      if (c == '*' || c == '%') {
        regex.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
        regex.append(c == '*' ? ".*" : "[^" + Pattern.quote("/") + "]*");
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return new MailboxPattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  boolean matches(String name) {
    return regex.matcher(name).matches();
  }
}
