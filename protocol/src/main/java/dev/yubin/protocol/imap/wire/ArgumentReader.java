package dev.yubin.protocol.imap.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the arguments of one command token by token, following RFC 3501 §9's grammar. Every method
 * either returns the token and moves past it, or throws {@link ImapSyntaxException} without a
 * defined position. Literals are returned where a string may stand.
 */
public final class ArgumentReader {

  private final List<byte[]> lines;
  private final List<Literal> literals;
  private int piece;
  private int position;

  ArgumentReader(ImapRequest request) {
    this.lines = request.lines();
    this.literals = request.literals();
  }

  private byte[] current() {
    return lines.get(piece);
  }

  /** Whether the whole command has been read. */
  public boolean atEnd() {
    return piece == lines.size() - 1 && position >= current().length;
  }

  /** Requires the end of the command. */
  public void end() {
    if (!atEnd()) {
      throw new ImapSyntaxException("unexpected characters at the end of the command");
    }
  }

  /** The next character without consuming it, or -1 at the end of a line piece. */
  public int peek() {
    byte[] line = current();
    return position < line.length ? line[position] & 0xff : -1;
  }

  /** Whether the next character is {@code c}. */
  public boolean next(char c) {
    return peek() == c;
  }

  /** Consumes {@code c} if it comes next; answers whether it did. */
  public boolean consume(char c) {
    if (peek() == c) {
      position++;
      return true;
    }
    return false;
  }

  /** Requires {@code c}. */
  public void expect(char c) {
    if (!consume(c)) {
      throw new ImapSyntaxException("expected '" + c + "'");
    }
  }

  /** Requires one space. */
  public void space() {
    expect(' ');
  }

  /** The command tag: any ASTRING-CHAR but "+", followed by a space or the end of the line. */
  public String tag() {
    String tag = run(ArgumentReader::isTagChar);
    if (tag.isEmpty()) {
      throw new ImapSyntaxException("missing tag");
    }
    if (peek() >= 0 && peek() != ' ') {
      throw new ImapSyntaxException("invalid tag"); // answering a truncated tag would mislead
    }
    return tag;
  }

  /** An atom (RFC 3501 §9 {@code atom}); 8-bit characters are refused. */
  public String atom() {
    String atom = run(ArgumentReader::isAtomChar);
    if (peek() >= 0x80) {
      throw new ImapSyntaxException("8-bit characters in an atom");
    }
    if (atom.isEmpty()) {
      throw new ImapSyntaxException("expected an atom");
    }
    return atom;
  }

  /** An atom in upper case, e.g. a command name or a FETCH item. */
  public String keyword() {
    return atom().toUpperCase(Locale.ROOT);
  }

  /**
   * The name of a FETCH or STORE item, which may be followed directly by "[" or "<": letters,
   * digits, "." and "-", in upper case.
   */
  public String itemName() {
    String name =
        run(
            c ->
                (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-');
    if (name.isEmpty()) {
      throw new ImapSyntaxException("expected an item name");
    }
    return name.toUpperCase(Locale.ROOT);
  }

  /** An atom that may also hold ']' (an astring's atom form). */
  public String astringAtom() {
    return run(c -> isAtomChar(c) || c == ']');
  }

  /** {@code astring}: an atom (']' allowed) or a string. */
  public String astring() {
    if (next('"') || next('{') || next('~')) {
      return string();
    }
    String atom = astringAtom();
    if (peek() >= 0x80) {
      throw new ImapSyntaxException("8-bit characters in an atom");
    }
    if (atom.isEmpty()) {
      throw new ImapSyntaxException("expected a string");
    }
    return atom;
  }

  /** {@code astring} as raw bytes (a password may be any octets). */
  public byte[] astringBytes() {
    if (next('{') || next('~')) {
      return literalBytes();
    }
    return astring().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code nstring}: NIL (null) or a string. */
  public String nstring() {
    if (next('"') || next('{')) {
      return string();
    }
    String atom = atom();
    if (!atom.equalsIgnoreCase("NIL")) {
      throw new ImapSyntaxException("expected NIL or a string");
    }
    return null;
  }

  /** {@code string}: quoted or literal, as UTF-8 text. */
  public String string() {
    if (next('"')) {
      return quoted();
    }
    Literal literal = literal();
    return literal.text();
  }

  /** A literal held in memory, as bytes. */
  public byte[] literalBytes() {
    Literal literal = literal();
    if (literal.bytes() == null) {
      throw new ImapSyntaxException("unexpected literal");
    }
    return literal.bytes();
  }

  /** {@code literal} or {@code literal8}: the spec must end the current line piece. */
  public Literal literal() {
    byte[] line = current();
    int open = position;
    if (open < line.length && line[open] == '~') {
      open++;
    }
    if (open >= line.length || line[open] != '{') {
      throw new ImapSyntaxException("expected a literal");
    }
    LiteralSpec spec = LiteralSpec.atEndOf(line, line.length);
    if (spec == null || piece >= literals.size() || !specStartsAt(line, position)) {
      throw new ImapSyntaxException("bad literal");
    }
    Literal literal = literals.get(piece);
    piece++;
    position = 0;
    return literal;
  }

  private static boolean specStartsAt(byte[] line, int at) {
    // The spec {n} or ~{n} or {n+} runs from 'at' to the end of the line.
    int i = at;
    if (line[i] == '~') {
      i++;
    }
    if (line[i++] != '{') {
      return false;
    }
    int digits = 0;
    while (i < line.length && line[i] >= '0' && line[i] <= '9') {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i < line.length && line[i] == '+') {
      i++;
    }
    return i == line.length - 1 && line[i] == '}';
  }

  /** A quoted string (RFC 3501 §9 {@code quoted}); UTF-8 is accepted. */
  public String quoted() {
    expect('"');
    byte[] line = current();
    byte[] out = new byte[line.length - position];
    int n = 0;
    while (position < line.length) {
      byte b = line[position++];
      if (b == '"') {
        return Utf8Text.decode(out, 0, n);
      }
      if (b == '\\') {
        if (position == line.length) {
          break;
        }
        b = line[position++];
        if (b != '"' && b != '\\') {
          throw new ImapSyntaxException("bad escape in a quoted string");
        }
      } else if (b == '\r' || b == '\n' || b == 0) {
        throw new ImapSyntaxException("bad character in a quoted string");
      }
      out[n++] = b;
    }
    throw new ImapSyntaxException("unterminated quoted string");
  }

  /** {@code number}: an unsigned 32-bit (or, for MODSEQ, 63-bit) decimal. */
  public long number() {
    String digits = run(c -> c >= '0' && c <= '9');
    if (digits.isEmpty() || digits.length() > 19) {
      throw new ImapSyntaxException("expected a number");
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new ImapSyntaxException("number out of range");
    }
  }

  /** {@code nz-number}: a number from 1 to 4294967295. */
  public long nzNumber() {
    long n = number();
    if (n < 1 || n > 0xFFFFFFFFL) {
      throw new ImapSyntaxException("expected a non-zero 32-bit number");
    }
    return n;
  }

  /** {@code sequence-set}. */
  public SequenceSet sequenceSet() {
    String text = run(c -> (c >= '0' && c <= '9') || c == ':' || c == ',' || c == '*' || c == '$');
    return SequenceSet.parse(text);
  }

  /**
   * A {@code flag} (or, with {@code allowWildcard}, {@code flag-perm}'s {@code \*}); system flags
   * are returned in canonical case.
   */
  public String flag(boolean allowWildcard) {
    if (consume('\\')) {
      if (allowWildcard && consume('*')) {
        return "\\*";
      }
      String name = atom();
      return "\\" + SystemFlags.canonical(name);
    }
    return atom();
  }

  /** A parenthesized list of flags, or one flag without parentheses when {@code bareAllowed}. */
  public List<String> flagList(boolean bareAllowed) {
    List<String> flags = new ArrayList<>();
    if (!consume('(')) {
      if (!bareAllowed) {
        throw new ImapSyntaxException("expected a flag list");
      }
      flags.add(flag(false));
      while (consume(' ')) {
        flags.add(flag(false));
      }
      return flags;
    }
    if (consume(')')) {
      return flags;
    }
    do {
      flags.add(flag(false));
    } while (consume(' '));
    expect(')');
    return flags;
  }

  /** {@code list-mailbox}: list-chars (wildcards included) or a string. */
  public String listMailbox() {
    if (next('"') || next('{')) {
      return string();
    }
    String text = run(c -> isAtomChar(c) || c == '%' || c == '*' || c == ']');
    if (text.isEmpty()) {
      throw new ImapSyntaxException("expected a mailbox pattern");
    }
    return text;
  }

  private String run(CharTest test) {
    byte[] line = current();
    int start = position;
    while (position < line.length && test.accepts(line[position] & 0xff)) {
      position++;
    }
    return new String(line, start, position - start, StandardCharsets.US_ASCII);
  }

  @FunctionalInterface
  private interface CharTest {
    boolean accepts(int c);
  }

  /** RFC 3501 §9 ATOM-CHAR: CHAR except atom-specials. */
  static boolean isAtomChar(int c) {
    return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*'
        && c != '"' && c != '\\' && c != ']';
  }

  private static boolean isTagChar(int c) {
    return (isAtomChar(c) || c == ']') && c != '+';
  }
}
