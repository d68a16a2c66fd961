package dev.yubin.protocol.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * xtext, the encoding of ESMTP parameter values that may hold any octet: printable US-ASCII but "+"
 * and "=" stands for itself, and "+" two upper-case hex digits for any octet.
 *
 * <pre>
 * xtext      = *( xchar / hexchar )       RFC 3461 §4
 * xchar      = %x21-2A / %x2C-3C / %x3E-7E
 * hexchar    = "+" 2(%x30-39 / %x41-46)
 * </pre>
 *
 * @see "RFC 3461 §4"
 */
public final class Xtext {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Xtext() {}

  /** The decoded text (octets as ISO-8859-1 characters), or empty if {@code text} is not xtext. */
  public static Optional<String> decode(String text) {
    StringBuilder decoded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
          return Optional.empty();
        }
        decoded.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c >= 0x21 && c <= 0x7e && c != '=') {
        decoded.append(c);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(decoded.toString());
  }

  /** The xtext form of {@code value}'s UTF-8 octets, for a parameter sent to the next hop. */
  public static String encode(String value) {
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

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
  }
}
