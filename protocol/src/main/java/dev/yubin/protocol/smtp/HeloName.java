package dev.yubin.protocol.smtp;

import java.util.regex.Pattern;

/**
 * The argument of HELO and EHLO (RFC 5321 §4.1.1.1): a Domain or an address literal, and nothing
 * else, since it goes into the from-clause of our Received field (RFC 5321 §4.4), where anything
 * more (spaces, parentheses, a date) would let the client forge trace lines. Like Postfix's {@code
 * reject_invalid_helo_hostname}, labels may hold underscores (Windows host names do), one trailing
 * dot is allowed, and an address literal may be a bare IPv6 address without its {@code IPv6:} tag.
 * Non-ASCII names never get here: the command line refuses 8-bit octets outside MAIL and RCPT.
 *
 * @see "RFC 5321 §4.1.2 (Domain), §4.1.3 (address-literal)"
 */
final class HeloName {

  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
  private static final int MAX_DOMAIN_LENGTH = 255;

  private HeloName() {}

  static boolean isValid(String name) {
    if (name.length() > 2 && name.startsWith("[") && name.endsWith("]")) {
      String literal = name.substring(1, name.length() - 1);
      return AddressLiteral.isValid(literal) || AddressLiteral.isIpv6(literal);
    }
    String domain = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (domain.isEmpty() || domain.length() > MAX_DOMAIN_LENGTH) {
      return false;
    }
    for (String label : domain.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
