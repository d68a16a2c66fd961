package dev.yubin.protocol.pop3;

/**
 * Where a POP3 session is.
 *
 * @see "RFC 1939 §3"
 */
public enum Pop3State {
  /** Before a successful login (RFC 1939 §4). */
  AUTHORIZATION,
  /** The maildrop is locked and its snapshot is served (RFC 1939 §5). */
  TRANSACTION,
  /** QUIT from TRANSACTION: deleted messages are being removed (RFC 1939 §6). */
  UPDATE,
  /** The connection is closing or closed; input is ignored. */
  CLOSED
}
