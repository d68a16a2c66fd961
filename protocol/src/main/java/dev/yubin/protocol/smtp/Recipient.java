package dev.yubin.protocol.smtp;

import java.util.Set;

/**
 * One accepted RCPT TO with its DSN parameters (RFC 3461 §4.1 and §4.2).
 *
 * @param address the forward-path without angle brackets; {@code postmaster} for the bare form
 * @param notifyOn the NOTIFY values; empty when NOTIFY was not given (RFC 3461 §4.1: the relay then
 *     behaves as for FAILURE,DELAY)
 * @param originalRecipient ORCPT, or null when not given
 */
public record Recipient(
    String address, Set<DsnNotify> notifyOn, OriginalRecipient originalRecipient) {

  public Recipient {
    notifyOn = Set.copyOf(notifyOn);
  }

  /** A recipient without DSN parameters. */
  public static Recipient of(String address) {
    return new Recipient(address, Set.of(), null);
  }
}
