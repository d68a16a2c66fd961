package dev.yubin.ejb.platform.infrastructure.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One next-hop host for a domain, with its addresses in the order to try them (IPv4 first).
 *
 * @param host the host name without the trailing dot, lower case (an address literal for a domain
 *     given as one)
 * @param preference the MX preference; 0 for an implicit MX or a smarthost
 * @param port the SMTP port, 25 unless a smarthost says otherwise
 * @param addresses at least one address
 * @param implicit true when the domain had no MX and its own address records are used (RFC 5321
 *     §5.1 "implicit MX")
 */
public record MailExchanger(
    String host, int preference, int port, List<InetAddress> addresses, boolean implicit) {

  public MailExchanger {
    host = Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
    addresses = List.copyOf(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("a mail exchanger needs an address: " + host);
    }
  }

  /** One connection target per address, in order. */
  public List<HostAndPort> targets() {
    return addresses.stream().map(a -> new HostAndPort(host, port, a)).toList();
  }

  /** The same host with other addresses (at least one). */
  public MailExchanger withAddresses(List<InetAddress> others) {
    return new MailExchanger(host, preference, port, others, implicit);
  }

  /** Whether this host is us: by name or by any of its addresses. */
  public boolean isLocal(LocalIdentity us) {
    return us.isOurs(host, addresses);
  }
}
