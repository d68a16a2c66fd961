package dev.yubin.ejb.relay.domain;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One address of one next-hop host to try (RFC 5321 §5.1).
 *
 * @param host the host's name (or address literal), the DSN's Remote-MTA
 * @param port the port the hop names: 25 for an MX, a smarthost's own otherwise
 * @param address the resolved address to connect to
 */
public record NextHop(String host, int port, InetAddress address) {

  public NextHop {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(address, "address");
  }
}
