package dev.yubin.protocol.smtp;

import java.util.regex.Pattern;

/**
 * The content of an address literal between the brackets (RFC 5321 §4.1.3): an IPv4 address, {@code
 * IPv6:} and an IPv6 address, or a standardized tag and its content.
 *
 * @see "RFC 5321 §4.1.3"
 */
final class AddressLiteral {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern GENERAL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?:[\\x21-\\x5a\\x5e-\\x7e]+");
  private static final String IPV6_TAG = "IPv6:";

  private AddressLiteral() {}

  static boolean isValid(String literal) {
    if (literal.regionMatches(true, 0, IPV6_TAG, 0, IPV6_TAG.length())) {
      return isIpv6(literal.substring(IPV6_TAG.length()));
    }
    return isIpv4(literal) || GENERAL.matcher(literal).matches();
  }

  /** IPv4-address-literal = Snum 3("." Snum), each 0 to 255. */
  static boolean isIpv4(String text) {
    if (!IPV4.matcher(text).matches()) {
      return false;
    }
    for (String part : text.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * IPv6-full, IPv6-comp, IPv6v4-full or IPv6v4-comp. Like RFC 4291 §2.2 we let "::" stand for a
   * single zero group too, where RFC 5321 asks for at least two.
   */
  static boolean isIpv6(String text) {
    String hex = text;
    int groups = 8;
    int lastColon = text.lastIndexOf(':');
    if (lastColon >= 0 && text.indexOf('.', lastColon) >= 0) {
      if (!isIpv4(text.substring(lastColon + 1))) {
        return false;
      }
      hex = text.substring(0, lastColon);
      if (hex.endsWith(":")) {
        hex += ":";
      }
      groups = 6;
    }
    int compression = hex.indexOf("::");
    if (compression < 0) {
      return countGroups(hex) == groups;
    }
    if (hex.indexOf("::", compression + 1) >= 0) {
      return false;
    }
    int left = countGroups(hex.substring(0, compression));
    int right = countGroups(hex.substring(compression + 2));
    return left >= 0 && right >= 0 && left + right <= groups - 1;
  }

  /** How many hex groups the colon-separated text holds: 0 if empty, -1 if malformed. */
  private static int countGroups(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    String[] parts = text.split(":", -1);
    for (String part : parts) {
      if (!HEX_GROUP.matcher(part).matches()) {
        return -1;
      }
    }
    return parts.length;
  }
}
