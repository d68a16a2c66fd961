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
    String remoteAddress, int remotePort, String localAddress, int localPort, boolean secure) {}
