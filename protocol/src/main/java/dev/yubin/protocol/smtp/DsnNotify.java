package dev.yubin.protocol.smtp;

/**
 * A value of RCPT's NOTIFY parameter: when the sender wants a delivery status notification. NEVER
 * stands alone.
 *
 * @see "RFC 3461 §4.1"
 */
public enum DsnNotify {
  NEVER,
  SUCCESS,
  FAILURE,
  DELAY
}
