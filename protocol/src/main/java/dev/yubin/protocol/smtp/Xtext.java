package dev.yubin.protocol.smtp;

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
final class Xtext {

  private Xtext() {}

  /** The decoded text (octets as ISO-8859-1 characters), or empty if {@code text} is not xtext. */
  static Optional<String> decode(String text) {
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

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
  }
}
