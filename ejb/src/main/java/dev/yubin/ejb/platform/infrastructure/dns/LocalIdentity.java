package dev.yubin.ejb.platform.infrastructure.dns;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Our own host names and addresses, so that relay can recognise an MX that points back at us and
 * bounce (5.4.6) instead of looping (RFC 5321 §5.1).
 */
public final class LocalIdentity {

  private final Set<String> hostnames;
  private final Set<InetAddress> addresses;

  private LocalIdentity(Set<String> hostnames, Set<InetAddress> addresses) {
    this.hostnames = Collections.unmodifiableSet(hostnames);
    this.addresses = Collections.unmodifiableSet(addresses);
  }

  /**
   * @param hostnames our names (e.g. {@code yubin.hostname}); compared without case and trailing
   *     dot
   * @param bindAddresses the addresses our SMTP listeners bind; a wildcard address (0.0.0.0, ::)
   *     stands for every address of every local interface
   */
  public static LocalIdentity of(
      Collection<String> hostnames, Collection<InetAddress> bindAddresses) {
    Set<String> names = new HashSet<>();
    for (String name : hostnames) {
      names.add(normalize(name));
    }
    Set<InetAddress> ours = new HashSet<>();
    for (InetAddress address : bindAddresses) {
      if (address.isAnyLocalAddress()) {
        ours.addAll(interfaceAddresses());
      } else {
        ours.add(address);
      }
    }
    return new LocalIdentity(names, ours);
  }

  public static LocalIdentity of(String hostname, Collection<InetAddress> bindAddresses) {
    return of(List.of(hostname), bindAddresses);
  }

  /** Whether a host with this name or any of these addresses is us. */
  public boolean isOurs(String host, Collection<InetAddress> hostAddresses) {
    if (hostnames.contains(normalize(host))) {
      return true;
    }
    for (InetAddress address : hostAddresses) {
      if (addresses.contains(address)) {
        return true;
      }
    }
    return false;
  }

  public Set<String> hostnames() {
    return hostnames;
  }

  public Set<InetAddress> addresses() {
    return addresses;
  }

  private static String normalize(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static Set<InetAddress> interfaceAddresses() {
    Set<InetAddress> all = new HashSet<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        all.addAll(Collections.list(nif.getInetAddresses()));
      }
    } catch (SocketException e) {
      // Without the interface list, the loopback addresses are all we can be sure of.
      all.add(InetAddress.getLoopbackAddress());
    }
    return all;
  }
}
