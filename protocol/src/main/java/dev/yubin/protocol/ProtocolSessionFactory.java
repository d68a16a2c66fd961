package dev.yubin.protocol;

/** Creates the engine for each accepted connection. */
@FunctionalInterface
public interface ProtocolSessionFactory {
  ProtocolSession newSession(ConnectionInfo connection);
}
