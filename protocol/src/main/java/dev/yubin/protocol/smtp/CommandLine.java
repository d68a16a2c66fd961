package dev.yubin.protocol.smtp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One command line: a verb, then optionally a space and arguments (RFC 5321 §4.1.1).
 *
 * @param verb the command verb in upper case, e.g. {@code MAIL}
 * @param argument what follows the verb and its space, stripped; empty if none
 */
record CommandLine(String verb, String argument) {

  /** Commands whose arguments may hold UTF-8 addresses (RFC 6531 §3.3); they check SMTPUTF8. */
  private static final Set<String> UTF8_VERBS = Set.of("MAIL", "RCPT");

  /**
   * Parses a line without its terminator. Commands are US-ASCII (RFC 5321 §2.4), but MAIL and RCPT
   * may carry UTF-8 (RFC 6531 §3.3), which they accept only with SMTPUTF8. A line holding NUL or
   * CR, invalid UTF-8, or 8-bit octets in another command gives nothing; the caller answers 500
   * 5.5.2.
   */
  static Optional<CommandLine> parse(byte[] line) {
    boolean eightBit = false;
    for (byte b : line) {
      if (b == 0 || b == '\r') {
        return Optional.empty();
      }
      eightBit |= b < 0;
    }
    String text;
    if (eightBit) {
      Optional<String> decoded = strictUtf8(line);
      if (decoded.isEmpty()) {
        return Optional.empty();
      }
      text = decoded.get();
    } else {
      text = new String(line, StandardCharsets.US_ASCII);
    }
    text = text.strip();
    int space = text.indexOf(' ');
    String verb = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    if (eightBit && !UTF8_VERBS.contains(verb)) {
      return Optional.empty();
    }
    String argument = space < 0 ? "" : text.substring(space + 1).strip();
    return Optional.of(new CommandLine(verb, argument));
  }

  private static Optional<String> strictUtf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty(); // invalid UTF-8: the caller answers 500 5.5.2
    }
  }
}
