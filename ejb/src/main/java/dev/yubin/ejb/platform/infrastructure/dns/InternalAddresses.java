package dev.yubin.ejb.platform.infrastructure.dns;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses that are no destination for mail from the Internet: a relay that connects to them on an
 * attacker's word (an MX record, an address literal, a forged sender's domain) reaches services
 * behind the firewall. Loopback, unspecified ({@code 0.0.0.0/8}, {@code ::}), private (RFC 1918,
 * unique local {@code fc00::/7}, the old site-local {@code fec0::/10}), link-local ({@code
 * 169.254/16}, {@code fe80::/10}) and multicast; IPv4-mapped IPv6 addresses count as the IPv4
 * address they carry.
 */
public final class InternalAddresses {

  private InternalAddresses() {}

  /** Whether mail must not be sent to this address unless the operator allows it. */
  public static boolean isInternal(InetAddress address) {
    InetAddress a = unmapped(address);
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = a.getAddress();
    if (bytes.length == 4) {
      return bytes[0] == 0; // "this network" (RFC 791); 0.0.0.0 reaches the local host on Linux
    }
    return (bytes[0] & 0xfe) == 0xfc; // unique local (RFC 4193)
  }

  /** The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), else itself. */
  private static InetAddress unmapped(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return address;
      }
    }
    if (b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
      return address;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
  }
}
