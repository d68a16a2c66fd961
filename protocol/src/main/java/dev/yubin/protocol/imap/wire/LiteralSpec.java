package dev.yubin.protocol.imap.wire;

/**
 * A literal announced at the end of a command line: {@code {n}}, {@code {n+}} or {@code ~{n}}.
 *
 * @param size the number of octets that follow the line
 * @param synchronizing whether the client waits for a continuation request before sending them (RFC
 *     3501 §7.5); {@code {n+}} literals (RFC 7888) do not
 * @param binary whether it is a literal8 (RFC 3516 §4.1)
 */
public record LiteralSpec(long size, boolean synchronizing, boolean binary) {

  /** The spec at the end of {@code line} (CRLF removed), or null if the line ends otherwise. */
  public static LiteralSpec atEndOf(byte[] line, int length) {
    if (length < 3 || line[length - 1] != '}') {
      return null;
    }
    int i = length - 2;
    boolean nonSync = line[i] == '+';
    if (nonSync) {
      i--;
    }
    int digitsEnd = i + 1;
    while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
      i--;
    }
    int digits = digitsEnd - i - 1;
    if (digits == 0 || digits > 18 || i < 0 || line[i] != '{') {
      return null;
    }
    long size = 0;
    for (int d = i + 1; d < digitsEnd; d++) {
      size = size * 10 + (line[d] - '0');
    }
    boolean binary = i > 0 && line[i - 1] == '~';
    return new LiteralSpec(size, !nonSync, binary);
  }
}
