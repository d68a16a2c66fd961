package dev.yubin.ejb.relay.infrastructure.smtp;

/** How the session with the next hop went, apart from what each recipient got. */
public enum ConnectionOutcome {
  /** The session worked; every recipient got an answer. */
  OK,
  /** No TCP connection: refused, unreachable, timed out, or the host name has no address. */
  CONNECT_FAILED,
  /** The server greeted with 4xx/5xx, or refused both EHLO and HELO. */
  GREETING_REFUSED,
  /** TLS was required but the server does not offer STARTTLS. */
  TLS_UNAVAILABLE,
  /** The TLS handshake failed (or the certificate did not verify). */
  TLS_FAILED,
  /** The server said 421: it is closing the connection. */
  SERVICE_CLOSING,
  /** The server stopped answering (or stopped reading) within the timeout. */
  TIMEOUT,
  /** The connection was closed or reset. */
  CONNECTION_LOST,
  /** The server's reply was malformed, too long, or out of sequence. */
  PROTOCOL_ERROR,
  /** We could not read the message content. */
  LOCAL_ERROR
}
