package dev.yubin.ejb.kernel;

/**
 * When a recipient's sender wants a delivery status notification (RFC 3461 §4.1, NOTIFY): never, or
 * on any of success, failure and delay. None given means the receiving MTA's default (failure, and
 * delay at its discretion).
 */
public enum Notify {
  NEVER,
  SUCCESS,
  FAILURE,
  DELAY
}
