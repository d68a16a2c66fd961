package dev.yubin.protocol;

/** Creates the engine for each accepted connection. */
@FunctionalInterface
public interface ProtocolSessionFactory {
  ProtocolSession newSession(ConnectionInfo connection);

  /**
   * The line (without CRLF) a client refused for load is told before the connection closes, e.g.
   * SMTP's {@code 421}; null to close silently.
   */
  default String busyLine() {
    return null;
  }
}
