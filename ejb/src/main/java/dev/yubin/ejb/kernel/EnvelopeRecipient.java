package dev.yubin.ejb.kernel;

import java.util.Set;

/**
 * One recipient of an envelope, with the DSN parameters its sender gave (RFC 3461).
 *
 * @param address the forward-path as given
 * @param notifyOn NOTIFY; empty when not given
 * @param originalRecipient ORCPT, or null
 */
public record EnvelopeRecipient(
    String address, Set<Notify> notifyOn, OriginalRecipient originalRecipient) {

  public EnvelopeRecipient {
    notifyOn = Set.copyOf(notifyOn);
  }

  /** A recipient without DSN parameters (added by a filter or an alias, or by a report). */
  public static EnvelopeRecipient of(String address) {
    return new EnvelopeRecipient(address, Set.of(), null);
  }
}
