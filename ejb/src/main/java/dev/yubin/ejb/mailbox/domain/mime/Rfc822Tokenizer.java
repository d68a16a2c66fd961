package dev.yubin.ejb.mailbox.domain.mime;

/**
 * The lexical pieces of RFC 5322 §3.2 and RFC 2045 §5.1 over an unfolded header value, lenient the
 * way Dovecot's {@code rfc822-parser.c} is (so our ENVELOPE and BODYSTRUCTURE match Dovecot's):
 * 8-bit characters count as atext, quoted-pairs are unescaped, comments are skipped (the last one
 * is remembered for {@code addr-spec (Name)}).
 *
 * <p>The parse methods return 1 when more input follows, 0 at the end of the input and -1 on a
 * syntax error.
 */
final class Rfc822Tokenizer {

  private final String text;
  private int pos;
  private final StringBuilder lastComment;

  Rfc822Tokenizer(String text, boolean rememberComments) {
    this.text = text;
    this.lastComment = rememberComments ? new StringBuilder() : null;
  }

  int position() {
    return pos;
  }

  void position(int pos) {
    this.pos = pos;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** The current character, or NUL at the end (as C's terminator reads). */
  char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  void skip() {
    pos++;
  }

  String lastComment() {
    return lastComment == null ? "" : lastComment.toString();
  }

  void clearLastComment() {
    if (lastComment != null) {
      lastComment.setLength(0);
    }
  }

  /** atext (RFC 5322 §3.2.3), plus any non-ASCII character. */
  static boolean isAtext(char c) {
    if (c >= 0x80) {
      return true;
    }
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    return "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  /** A MIME token character (RFC 2045 §5.1): atext without {@code / = ?}. */
  static boolean isTokenChar(char c) {
    return isAtext(c) && c != '/' && c != '=' && c != '?';
  }

  private int more() {
    return atEnd() ? 0 : 1;
  }

  int skipComment() {
    int level = 1;
    clearLastComment();
    int start = ++pos;
    for (; pos < text.length(); pos++) {
      char c = text.charAt(pos);
      if (c == '(') {
        level++;
      } else if (c == ')') {
        if (--level == 0) {
          appendComment(start, pos);
          pos++;
          return more();
        }
      } else if (c == '\\' && pos + 1 < text.length()) {
        appendComment(start, pos);
        start = ++pos;
      }
    }
    return -1;
  }

  private void appendComment(int from, int to) {
    if (lastComment != null) {
      lastComment.append(text, from, to);
    }
  }

  /** Skips white space and comments (CFWS). */
  int skipLwsp() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else if (c == '(') {
        if (skipComment() < 0) {
          return -1;
        }
      } else {
        break;
      }
    }
    return more();
  }

  int parseAtom(StringBuilder out) {
    if (atEnd() || !isAtext(peek())) {
      return -1;
    }
    int start = pos++;
    while (pos < text.length() && isAtext(text.charAt(pos))) {
      pos++;
    }
    out.append(text, start, pos);
    return atEnd() ? 0 : skipLwsp();
  }

  int parseDotAtom(StringBuilder out) {
    if (atEnd() || !isAtext(peek())) {
      return -1;
    }
    int start = pos++;
    while (pos < text.length()) {
      if (isAtext(text.charAt(pos))) {
        pos++;
        continue;
      }
      if (start == pos) {
        return -1;
      }
      out.append(text, start, pos);
      int ret = skipLwsp();
      if (ret <= 0) {
        return ret;
      }
      if (peek() != '.') {
        return 1;
      }
      pos++;
      out.append('.');
      if (skipLwsp() <= 0) {
        return -1;
      }
      start = pos;
    }
    out.append(text, start, pos);
    return 0;
  }

  int parseMimeToken(StringBuilder out) {
    int start = pos;
    while (pos < text.length() && (isTokenChar(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    out.append(text, start, pos);
    return atEnd() ? 0 : skipLwsp();
  }

  int parseQuotedString(StringBuilder out) {
    pos++; // the opening quote
    int start = pos;
    for (; pos < text.length(); pos++) {
      char c = text.charAt(pos);
      if (c == '"') {
        out.append(text, start, pos);
        pos++;
        return skipLwsp();
      }
      if (c == '\\' && pos + 1 < text.length()) {
        out.append(text, start, pos);
        start = ++pos;
      }
    }
    return -1;
  }

  private int parseAtomOrDot(StringBuilder out) {
    int start = pos;
    while (pos < text.length() && (isAtext(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    out.append(text, start, pos);
    return atEnd() ? 0 : skipLwsp();
  }

  /** phrase (RFC 5322 §3.2.5, obs-phrase included): words joined by one space. */
  int parsePhrase(StringBuilder out) {
    if (atEnd()) {
      return 0;
    }
    if (peek() == '.') {
      return -1;
    }
    while (true) {
      int ret = peek() == '"' ? parseQuotedString(out) : parseAtomOrDot(out);
      if (ret <= 0) {
        return ret;
      }
      char c = peek();
      if (!isAtext(c) && c != '"' && c != '.') {
        break;
      }
      out.append(' ');
    }
    return skipLwsp();
  }

  private int parseDomainLiteral(StringBuilder out) {
    int start = pos++;
    for (; pos < text.length(); pos++) {
      char c = text.charAt(pos);
      if (c == '[') {
        return -1;
      }
      if (c == ']') {
        out.append(text, start, pos + 1);
        pos++;
        return skipLwsp();
      }
      if (c == '\\') {
        pos++; // the backslash is kept in the output
      }
    }
    return -1;
  }

  /** {@code "@" domain}; the caller is at the {@code @}. */
  int parseDomain(StringBuilder out) {
    pos++;
    if (skipLwsp() <= 0) {
      return -1;
    }
    return peek() == '[' ? parseDomainLiteral(out) : parseDotAtom(out);
  }

  /** {@code type "/" subtype} into {@code out}; empty on error. */
  int parseContentType(StringBuilder out) {
    if (skipLwsp() <= 0) {
      return -1;
    }
    if (parseMimeToken(out) <= 0 || out.isEmpty() || peek() != '/') {
      out.setLength(0);
      return -1;
    }
    pos++;
    if (skipLwsp() <= 0) {
      out.setLength(0);
      return -1;
    }
    out.append('/');
    int subtypeStart = out.length();
    int ret = parseMimeToken(out);
    if (ret < 0 || out.length() == subtypeStart || (!atEnd() && peek() != ';')) {
      out.setLength(0);
      return -1;
    }
    return ret;
  }

  /**
   * {@code ";" attribute "=" value}. Returns the attribute (and the value in {@code value}), null
   * at the end of input, or {@code ""} on a syntax error.
   */
  String parseContentParameter(StringBuilder value) {
    value.setLength(0);
    if (atEnd()) {
      return null;
    }
    if (peek() != ';') {
      return "";
    }
    pos++;
    if (skipLwsp() <= 0) {
      return "";
    }
    StringBuilder key = new StringBuilder();
    if (parseMimeToken(key) <= 0 || peek() != '=') {
      return "";
    }
    pos++;
    int ret = skipLwsp();
    if (ret <= 0) {
      return key.toString(); // no value
    }
    if (peek() == '"') {
      ret = parseQuotedString(value);
    } else if (peek() == '=') {
      // broken input such as name==?utf-8?b?...?=
      while (!atEnd() && " \t\r\n;".indexOf(peek()) < 0) {
        value.append(peek());
        pos++;
      }
    } else {
      ret = parseMimeToken(value);
    }
    return ret < 0 ? "" : key.toString();
  }
}
