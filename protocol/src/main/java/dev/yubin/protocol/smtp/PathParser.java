package dev.yubin.protocol.smtp;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the reverse-path of MAIL and the forward-path of RCPT.
 *
 * <pre>
 * Reverse-path = Path / "&lt;&gt;"                     RFC 5321 §4.1.2
 * Forward-path = Path / "&lt;Postmaster&gt;"
 * Path         = "&lt;" [ A-d-l ":" ] Mailbox "&gt;"
 * Mailbox      = Local-part "@" ( Domain / address-literal )
 * Local-part   = Dot-string / Quoted-string
 * </pre>
 *
 * <p>Leniency, as Postfix with {@code strict_rfc821_envelopes = no}: spaces after the colon are
 * skipped ({@code MAIL FROM: <a@b>}) and a path without angle brackets is read up to the first
 * space ({@code MAIL FROM:a@b}). A source route ({@code <@a,@b:u@d>}) is accepted and dropped (RFC
 * 5321 §4.1.2 and appendix C). Postmaster without a domain is accepted in any case and returned as
 * {@code postmaster} (RFC 5321 §4.5.1).
 *
 * <p>Non-ASCII characters are accepted in local parts, quoted strings and domain labels as RFC 6531
 * §3.3 allows; MAIL and RCPT refuse them unless the transaction uses SMTPUTF8.
 *
 * @see "RFC 5321 §4.1.2"
 */
final class PathParser {

  private static final Pattern SUB_DOMAIN =
      Pattern.compile(
          "[A-Za-z0-9\\x{80}-\\x{10FFFF}]([A-Za-z0-9\\x{80}-\\x{10FFFF}-]*[A-Za-z0-9\\x{80}-\\x{10FFFF}])?");
  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
  private static final int MAX_DOMAIN_LENGTH = 255;
  private static final String POSTMASTER = "postmaster";

  private final String text;
  private int pos;

  private PathParser(String text) {
    this.text = text;
  }

  /**
   * The text after {@code keyword} (e.g. {@code FROM:}, any case), with leading spaces skipped;
   * empty if the argument does not start with it.
   */
  static Optional<String> afterKeyword(String argument, String keyword) {
    if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
      return Optional.empty();
    }
    return Optional.of(argument.substring(keyword.length()).stripLeading());
  }

  /** The argument of MAIL after {@code FROM:}; empty on a syntax error. */
  static Optional<MailPath> parseReversePath(String text) {
    return new PathParser(text).parse(true);
  }

  /** The argument of RCPT after {@code TO:}; empty on a syntax error. */
  static Optional<MailPath> parseForwardPath(String text) {
    return new PathParser(text).parse(false);
  }

  private Optional<MailPath> parse(boolean reverse) {
    boolean bracketed = peek() == '<';
    String address;
    if (bracketed) {
      pos++;
      if (reverse && peek() == '>') {
        address = "";
      } else {
        skipSourceRoute();
        address = mailbox(!reverse);
      }
      if (address == null || peek() != '>') {
        return Optional.empty();
      }
      pos++;
    } else {
      address = mailbox(!reverse);
      if (address == null) {
        return Optional.empty();
      }
    }
    if (pos < text.length() && text.charAt(pos) != ' ') {
      return Optional.empty();
    }
    return Optional.of(new MailPath(address, text.substring(pos).strip()));
  }

  /** A-d-l ":" — At-domain *( "," At-domain ) ":" — parsed and dropped; untouched if malformed. */
  private void skipSourceRoute() {
    int start = pos;
    while (peek() == '@') {
      pos++;
      if (domain() == null) {
        break;
      }
      if (peek() == ':') {
        pos++;
        return;
      }
      if (peek() != ',') {
        break;
      }
      pos++;
    }
    pos = start;
  }

  /** Mailbox, or the bare postmaster when allowed; null on a syntax error. */
  private String mailbox(boolean allowBarePostmaster) {
    int start = pos;
    if (!localPart()) {
      return null;
    }
    if (peek() != '@') {
      String local = text.substring(start, pos);
      return allowBarePostmaster && local.equalsIgnoreCase(POSTMASTER) ? POSTMASTER : null;
    }
    pos++;
    String domain = peek() == '[' ? addressLiteral() : domain();
    return domain == null ? null : text.substring(start, pos);
  }

  /** Dot-string / Quoted-string. */
  private boolean localPart() {
    return peek() == '"' ? quotedString() : dotString();
  }

  /** Dot-string = Atom *("." Atom). */
  private boolean dotString() {
    if (!atom()) {
      return false;
    }
    while (peek() == '.') {
      pos++;
      if (!atom()) {
        return false;
      }
    }
    return true;
  }

  private boolean atom() {
    int start = pos;
    while (pos < text.length() && isAtext(text.charAt(pos))) {
      pos++;
    }
    return pos > start;
  }

  private static boolean isAtext(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || ATEXT_SPECIALS.indexOf(c) >= 0
        || c >= 0x80; // UTF8-non-ascii, RFC 6531 §3.3
  }

  /** Quoted-string = DQUOTE *( qtextSMTP / quoted-pairSMTP ) DQUOTE. */
  private boolean quotedString() {
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return true;
      }
      if (c == '\\') {
        if (pos == text.length() || text.charAt(pos) < 32 || text.charAt(pos) > 126) {
          return false;
        }
        pos++;
      } else if (c < 32 || c == 127) { // qtextSMTP and UTF8-non-ascii (RFC 6531 §3.3)
        return false;
      }
    }
    return false;
  }

  /** Domain = sub-domain *("." sub-domain); returns it, or null. */
  private String domain() {
    int start = pos;
    while (pos < text.length() && isDomainChar(text.charAt(pos))) {
      pos++;
    }
    String domain = text.substring(start, pos);
    if (domain.isEmpty() || domain.length() > MAX_DOMAIN_LENGTH) {
      return null;
    }
    for (String label : domain.split("\\.", -1)) {
      if (!SUB_DOMAIN.matcher(label).matches()) {
        return null;
      }
    }
    return domain;
  }

  private static boolean isDomainChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c >= 0x80; // U-labels, RFC 6531 §3.3
  }

  /** address-literal = "[" ... "]" (RFC 5321 §4.1.3); returns it, or null. */
  private String addressLiteral() {
    int close = text.indexOf(']', pos);
    if (close < 0) {
      return null;
    }
    String inside = text.substring(pos + 1, close);
    if (!AddressLiteral.isValid(inside)) {
      return null;
    }
    pos = close + 1;
    return "[" + inside + "]";
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }
}
