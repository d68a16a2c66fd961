package dev.yubin.protocol;

import java.time.Duration;

/**
 * One client connection as an engine sees it. The transport calls these methods one at a time per
 * session (never concurrently), off the network threads, so implementations may call blocking
 * backends.
 */
public interface ProtocolSession {

  /** The connection is established: write the greeting. */
  void open(Output out);

  /** Bytes arrived from the client. They may hold part of a line, or many lines. */
  void receive(byte[] data, int offset, int length, Output out);

  /**
   * Something the session waits for happened elsewhere (new mail for an IMAP IDLE): the transport
   * calls this on the session's turn after the session asked for it. By default nothing.
   */
  default void wake(Output out) {}

  /** Nothing arrived within {@link #idleTimeout()}: say so and close. */
  void idle(Output out);

  /**
   * The connection is gone (client closed, reset, or we closed): release what the session holds.
   */
  void closed();

  /** How long the transport waits for client input in the current state. */
  Duration idleTimeout();
}
