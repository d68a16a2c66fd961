package dev.yubin.ejb.infrastructure.relay;

import java.nio.charset.StandardCharsets;

/**
 * xtext encoding of DSN parameter values: octets outside {@code !}..{@code ~}, and {@code +} and
 * {@code =}, become {@code +HH}.
 *
 * @see "RFC 3461 §4 (xtext)"
 */
final class Xtext {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Xtext() {}

  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= '!' && c <= '~' && c != '+' && c != '=') {
        out.append((char) c);
      } else {
        out.append('+').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
