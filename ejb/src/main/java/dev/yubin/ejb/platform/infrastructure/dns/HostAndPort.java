package dev.yubin.ejb.platform.infrastructure.dns;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * A host to connect to: its name (for TLS server name checks and diagnostics), a port, and the
 * address to use when it is already resolved.
 *
 * @param host a host name or an address literal, lower case, without brackets
 * @param port the TCP or UDP port
 * @param address the resolved address, or {@code null} to look {@code host} up when connecting
 */
public record HostAndPort(String host, int port, InetAddress address) {

  public HostAndPort {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    host = host.toLowerCase(Locale.ROOT);
  }

  public static HostAndPort of(String host, int port) {
    return new HostAndPort(host, port, null);
  }

  /**
   * Parses {@code host}, {@code host:port}, {@code [ipv6]}, {@code [ipv6]:port}; a bare IPv6
   * address without brackets is taken whole as the host.
   *
   * @throws IllegalArgumentException when the text is empty or the port is not a number in range
   */
  public static HostAndPort parse(String text, int defaultPort) {
    String s = Objects.requireNonNull(text, "text").trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    String host = s;
    int port = defaultPort;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '[' in " + s);
      }
      host = s.substring(1, close);
      String rest = s.substring(close + 1);
      if (rest.startsWith(":")) {
        port = port(rest.substring(1), s);
      } else if (!rest.isEmpty()) {
        throw new IllegalArgumentException("unexpected text after ']' in " + s);
      }
    } else {
      int colon = s.indexOf(':');
      if (colon >= 0 && colon == s.lastIndexOf(':')) {
        host = s.substring(0, colon);
        port = port(s.substring(colon + 1), s);
      }
    }
    return of(host, port);
  }

  private static int port(String digits, String whole) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in " + whole, e);
    }
  }

  /** The same host and port with a known address. */
  public HostAndPort withAddress(InetAddress resolved) {
    return new HostAndPort(host, port, resolved);
  }

  /** {@code host[address]:port}, for logs and diagnostics. */
  @Override
  public String toString() {
    String where = address == null ? "" : "[" + address.getHostAddress() + "]";
    return host + where + ":" + port;
  }
}
