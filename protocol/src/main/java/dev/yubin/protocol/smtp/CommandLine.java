package dev.yubin.protocol.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One command line: a verb, then optionally a space and arguments (RFC 5321 §4.1.1).
 *
 * @param verb the command verb in upper case, e.g. {@code MAIL}
 * @param argument what follows the verb and its space, stripped; empty if none
 */
record CommandLine(String verb, String argument) {

  /**
   * Parses a line without its terminator. Commands are US-ASCII (RFC 5321 §2.4); a line holding
   * NUL, CR or an 8-bit octet gives nothing, and the caller answers 500 5.5.2.
   */
  static Optional<CommandLine> parse(byte[] line) {
    for (byte b : line) {
      if (b == 0 || b == '\r' || b < 0) {
        return Optional.empty();
      }
    }
    String text = new String(line, StandardCharsets.US_ASCII).strip();
    int space = text.indexOf(' ');
    String verb = space < 0 ? text : text.substring(0, space);
    String argument = space < 0 ? "" : text.substring(space + 1).strip();
    return Optional.of(new CommandLine(verb.toUpperCase(Locale.ROOT), argument));
  }
}
