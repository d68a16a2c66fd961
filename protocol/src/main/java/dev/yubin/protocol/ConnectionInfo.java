package dev.yubin.protocol;

/**
 * The endpoints of a connection, as text so that engines need no {@code java.net}.
 *
 * @param remoteAddress the client's IP address literal, e.g. {@code 127.0.0.1} or {@code ::1}
 * @param remotePort the client's port
 * @param localAddress the address the client connected to
 * @param localPort the port the client connected to
 * @param secure whether the connection is protected by TLS
 */
public record ConnectionInfo(
    String remoteAddress, int remotePort, String localAddress, int localPort, boolean secure) {

  /**
   * Whether the client is on this machine: a loopback address, or the address it connected to. What
   * it sends never crosses a network, so it needs no TLS to keep a password private.
   */
  public boolean isLocal() {
    String remote =
        remoteAddress.startsWith("::ffff:") ? remoteAddress.substring(7) : remoteAddress;
    return remote.startsWith("127.")
        || remote.equals("::1")
        || remote.equals("0:0:0:0:0:0:0:1")
        || remoteAddress.equals(localAddress);
  }

  /** The same connection, now under TLS. */
  public ConnectionInfo secured() {
    return new ConnectionInfo(remoteAddress, remotePort, localAddress, localPort, true);
  }
}
