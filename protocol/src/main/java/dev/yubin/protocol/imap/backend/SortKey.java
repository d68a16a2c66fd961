package dev.yubin.protocol.imap.backend;

import dev.yubin.protocol.text.BaseSubject;

/**
 * One SORT criterion (RFC 5256 §3, RFC 5957 DISPLAYFROM/DISPLAYTO); {@code reverse} turns this
 * criterion only, not the ties after it.
 */
public record SortKey(Field field, boolean reverse) {

  public enum Field {
    /** The internal date and time. */
    ARRIVAL,
    /** The addr-mailbox (local part) of the first Cc address. */
    CC,
    /** The sent date: the Date field in UTC, or the internal date without a valid one (§2.2). */
    DATE,
    /** The addr-mailbox (local part) of the first From address. */
    FROM,
    /** RFC822.SIZE. */
    SIZE,
    /** The {@link BaseSubject}. */
    SUBJECT,
    /** The addr-mailbox (local part) of the first To address. */
    TO,
    /** The decoded display name of the first From address, else its {@code mailbox@host}. */
    DISPLAYFROM,
    /** The decoded display name of the first To address, else its {@code mailbox@host}. */
    DISPLAYTO
  }
}
