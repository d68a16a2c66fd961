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

  /** The client missed its deadline (see {@link #idleTimeout()}): say so and close. */
  void idle(Output out);

  /**
   * The connection is gone (client closed, reset, or we closed): release what the session holds.
   */
  void closed();

  /**
   * The deadline for the client's next request in the current state. The transport counts it from
   * the moment this session last wrote a response, across every byte of the request and of sending
   * the response, leaving out the time the engine itself works; input that completes no request
   * does not restart it (Postfix's {@code smtpd_per_request_deadline}), so a client cannot keep a
   * connection by trickling a byte now and then.
   */
  Duration idleTimeout();

  /**
   * Whether the client is sending bulk content now (SMTP DATA and BDAT, an IMAP literal): the
   * transport then extends the deadline as bytes arrive, at a minimum data rate, so that a large
   * transfer over a slow but steady link completes.
   */
  default boolean receivingData() {
    return false;
  }
}
