package dev.yubin.protocol;

/** Creates the engine for each accepted connection. */
@FunctionalInterface
public interface ProtocolSessionFactory {
  ProtocolSession newSession(ConnectionInfo connection);

  /**
   * Creates the engine of a connection that may need the transport's attention without client input
   * (new mail during IMAP IDLE).
   *
   * @param waker asks the transport for a {@link ProtocolSession#wake} on the session's next turn;
   *     callable from any thread, cheap, and repeated calls before that turn come to one wake
   */
  default ProtocolSession newSession(ConnectionInfo connection, Runnable waker) {
    return newSession(connection);
  }

  /**
   * The line (without CRLF) a client refused for load is told before the connection closes, e.g.
   * SMTP's {@code 421}; null to close silently.
   */
  default String busyLine() {
    return null;
  }
}
