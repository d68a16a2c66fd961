package dev.yubin.protocol.pop3;

import java.util.List;

/**
 * Parses command arguments: words separated by spaces, message numbers and line counts.
 *
 * @see "RFC 1939 §3 (arguments) and §5 (message numbers)"
 */
final class Pop3Arguments {

  /** RFC 1939 §3: an argument is at most 40 characters. */
  private static final int MAX_ARGUMENT_LENGTH = 40;

  private Pop3Arguments() {}

  /** The space-separated words of an argument string; tolerates extra and trailing spaces. */
  static List<String> words(String argument) {
    String trimmed = argument.strip();
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split(" +"));
  }

  /** The words, if there are between {@code min} and {@code max} of them; else a syntax error. */
  static List<String> expect(String argument, int min, int max, String syntax) {
    List<String> words = words(argument);
    if (words.size() < min || words.size() > max) {
      throw new Pop3CommandException("syntax: " + syntax);
    }
    for (String word : words) {
      if (word.length() > MAX_ARGUMENT_LENGTH) {
        throw new Pop3CommandException("argument too long");
      }
    }
    return words;
  }

  /** A message number: decimal digits, 1 or more. Out-of-range values are no such message. */
  static int messageNumber(String word) {
    if (!isDecimal(word)) {
      throw new Pop3CommandException("invalid message number: " + word);
    }
    String digits = stripLeadingZeros(word);
    if (digits.length() > 9) {
      throw new Pop3CommandException("no such message");
    }
    return Integer.parseInt(digits);
  }

  /** A non-negative line count for TOP; a huge count means all lines. */
  static long lineCount(String word) {
    if (!isDecimal(word)) {
      throw new Pop3CommandException("invalid number of lines: " + word);
    }
    String digits = stripLeadingZeros(word);
    return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  private static boolean isDecimal(String word) {
    return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String stripLeadingZeros(String digits) {
    int start = 0;
    while (start < digits.length() - 1 && digits.charAt(start) == '0') {
      start++;
    }
    return digits.substring(start);
  }
}
