package dev.yubin.protocol.smtp;

/**
 * MAIL's RET parameter: whether a DSN carries the full message or only its headers.
 *
 * @see "RFC 3461 §4.3"
 */
public enum DsnReturn {
  FULL,
  HDRS
}
