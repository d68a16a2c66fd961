package dev.yubin.ejb.reports.domain;

import dev.yubin.ejb.kernel.DomainName;
import dev.yubin.ejb.kernel.OriginalRecipient;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The encodings of message/delivery-status fields, which are US-ASCII only (RFC 3464 §2.1.1).
 *
 * <ul>
 *   <li>An ASCII address is {@code rfc822; address}; any other is {@code utf-8; } followed by the
 *       address in RFC 6533's utf-8-addr-xtext form, every character outside printable ASCII (and
 *       {@code \ + =}) written {@code \x{HEX}} of its code point. One rule, no fallback, so the
 *       report needs no SMTPUTF8 (message/global-delivery-status is not used).
 *   <li>Free text (Diagnostic-Code) keeps printable ASCII; other characters become {@code \x{HEX}}
 *       as well, control characters a space.
 *   <li>Long fields are folded at spaces to 78 octets where possible; a word that would not fit in
 *       998 octets is cut, which adds a space to its unfolded value.
 * </ul>
 *
 * @see "RFC 3461 §4 (xtext), RFC 6533 §3 (utf-8 address type), RFC 5322 §2.1.1 (line length)"
 */
final class DsnFields {

  /** Where folding starts (RFC 5322 §2.1.1 SHOULD). */
  static final int FOLD_AT = 78;

  /** Octets in a line, without CRLF (RFC 5322 §2.1.1 MUST). */
  static final int MAX_LINE = 998;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private DsnFields() {}

  /**
   * xtext of the UTF-8 octets of {@code value}: {@code +HH} outside {@code !..~}, and for + and =.
   */
  static String xtext(String value) {
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

  /** Whether every character is printable US-ASCII or a space. */
  static boolean isPrintableAscii(String s) {
    return s.chars().allMatch(c -> c >= ' ' && c < 127);
  }

  /** {@code rfc822; addr} for an ASCII address, else {@code utf-8; } and utf-8-addr-xtext. */
  static String address(String address) {
    return isPrintableAscii(address) ? "rfc822; " + address : "utf-8; " + utf8AddrXtext(address);
  }

  /** ORCPT as given when ASCII; else as the utf-8 address type (RFC 6533 §3). */
  static String originalRecipient(OriginalRecipient orcpt) {
    String type = orcpt.addressType().toLowerCase(Locale.ROOT);
    if (isPrintableAscii(orcpt.address()) && type.matches("[a-z0-9][a-z0-9.+-]*")) {
      return type + "; " + orcpt.address();
    }
    return "utf-8; " + utf8AddrXtext(orcpt.address());
  }

  /** RFC 6533 utf-8-addr-xtext: QCHAR as is, anything else {@code \x{HEXPOINT}}. */
  static String utf8AddrXtext(String address) {
    StringBuilder out = new StringBuilder(address.length() + 16);
    address
        .codePoints()
        .forEach(
            c -> {
              boolean qchar = c > ' ' && c < 127 && c != '\\' && c != '+' && c != '=';
              if (qchar) {
                out.append((char) c);
              } else {
                embed(out, c);
              }
            });
    return out.toString();
  }

  /** Printable ASCII as is; other characters {@code \x{HEX}}, controls a space. */
  static String ascii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c >= ' ' && c < 127) {
                out.append((char) c);
              } else if (c < ' ' || c == 127 || (c >= 0x80 && c < 0xa0)) {
                out.append(' ');
              } else {
                embed(out, c);
              }
            });
    return out.toString();
  }

  private static void embed(StringBuilder out, int codePoint) {
    out.append("\\x{").append(Integer.toHexString(codePoint).toUpperCase(Locale.ROOT)).append('}');
  }

  /** A host name in ASCII: IDNs as A-labels (RFC 5890), anything else that is not ASCII escaped. */
  static String host(String host) {
    if (isPrintableAscii(host)) {
      return host;
    }
    return DomainName.toAscii(host).orElseGet(() -> ascii(host));
  }

  /**
   * {@code Name: value} and CRLF, folded: lines of at most {@link #FOLD_AT} octets where a space
   * allows, never more than {@link #MAX_LINE}. Runs of white space in the value become one space.
   */
  static String field(String name, String value) {
    StringBuilder out = new StringBuilder(name.length() + value.length() + 8);
    out.append(name).append(':');
    int lineLength = name.length() + 1;
    boolean first = true;
    for (String word : value.strip().split("[ \t]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!first && lineLength + 1 + word.length() > FOLD_AT) {
        out.append("\r\n");
        lineLength = 0;
      }
      while (lineLength + 1 + word.length() > MAX_LINE) {
        int take = MAX_LINE - lineLength - 1;
        out.append(' ').append(word, 0, take).append("\r\n");
        word = word.substring(take);
        lineLength = 0;
      }
      out.append(' ').append(word);
      lineLength += 1 + word.length();
      first = false;
    }
    return out.append("\r\n").toString();
  }
}
