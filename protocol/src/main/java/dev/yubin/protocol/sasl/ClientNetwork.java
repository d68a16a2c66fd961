package dev.yubin.protocol.sasl;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The network a client address is counted in: an IPv4 address alone (a /32), the /64 of an IPv6
 * address, since one subscriber usually holds a whole /64 (RFC 6177) and could otherwise take a
 * fresh address for every guess. An IPv4-mapped IPv6 address is its IPv4 address. Text that is no
 * address literal is its own network. Parsed by hand: engines use no {@code java.net}.
 */
final class ClientNetwork {

  private static final int GROUPS = 8;
  private static final int PREFIX_GROUPS = 4;
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern OCTET = Pattern.compile("[0-9]{1,3}");

  private ClientNetwork() {}

  /** {@code 192.0.2.1} for that address, {@code 2001:db8:0:1::/64} for any address in that /64. */
  static String of(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    int[] groups = groups(address);
    if (groups == null) {
      return address.toLowerCase(Locale.ROOT);
    }
    if (isIpv4Mapped(groups)) {
      return (groups[6] >> 8)
          + "."
          + (groups[6] & 0xff)
          + "."
          + (groups[7] >> 8)
          + "."
          + (groups[7] & 0xff);
    }
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < PREFIX_GROUPS; i++) {
      prefix.append(Integer.toHexString(groups[i])).append(':');
    }
    return prefix.append(":/64").toString();
  }

  private static boolean isIpv4Mapped(int[] groups) {
    for (int i = 0; i < 5; i++) {
      if (groups[i] != 0) {
        return false;
      }
    }
    return groups[5] == 0xffff;
  }

  /** The eight 16-bit groups of an IPv6 literal (zone and embedded IPv4 allowed), or null. */
  private static int[] groups(String literal) {
    int zone = literal.indexOf('%');
    String text = zone < 0 ? literal : literal.substring(0, zone);
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = gap < 0 ? parts(text) : parts(text.substring(0, gap));
    int[] tail = gap < 0 ? new int[0] : parts(text.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int given = head.length + tail.length;
    if (gap < 0 ? given != GROUPS : given >= GROUPS) {
      return null;
    }
    int[] groups = new int[GROUPS];
    System.arraycopy(head, 0, groups, 0, head.length);
    System.arraycopy(tail, 0, groups, GROUPS - tail.length, tail.length);
    return groups;
  }

  /** Colon-separated hex groups, the last of which may be a dotted IPv4 address; null if not. */
  private static int[] parts(String text) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] fields = text.split(":", -1);
    boolean dotted = fields[fields.length - 1].indexOf('.') >= 0;
    int[] parts = new int[fields.length + (dotted ? 1 : 0)];
    for (int i = 0; i < fields.length; i++) {
      if (dotted && i == fields.length - 1) {
        long v4 = ipv4(fields[i]);
        if (v4 < 0) {
          return null;
        }
        parts[i] = (int) (v4 >> 16);
        parts[i + 1] = (int) (v4 & 0xffff);
      } else if (!HEX_GROUP.matcher(fields[i]).matches()) {
        return null;
      } else {
        parts[i] = Integer.parseInt(fields[i], 16);
      }
    }
    return parts;
  }

  private static long ipv4(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return -1;
    }
    long value = 0;
    for (String octet : octets) {
      if (!OCTET.matcher(octet).matches() || Integer.parseInt(octet) > 255) {
        return -1;
      }
      value = (value << 8) | Integer.parseInt(octet);
    }
    return value;
  }
}
