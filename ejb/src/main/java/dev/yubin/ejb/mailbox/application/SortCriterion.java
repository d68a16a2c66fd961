package dev.yubin.ejb.mailbox.application;

/**
 * One criterion of a sorted listing (RFC 5256 §3, RFC 5957); {@code reverse} turns this criterion
 * only, not the ones after it. Strings compare with the i;unicode-casemap collation; an absent
 * field is the empty string, which sorts first.
 */
public record SortCriterion(Field field, boolean reverse) {

  public enum Field {
    /** The internal date and time. */
    ARRIVAL,
    /** The addr-mailbox of the first Cc address. */
    CC,
    /** The sent date: the Date field, else the internal date. */
    DATE,
    /** The addr-mailbox of the first From address. */
    FROM,
    /** RFC822.SIZE. */
    SIZE,
    /** The base subject. */
    SUBJECT,
    /** The addr-mailbox of the first To address. */
    TO,
    /** The display name of the first From address, else its address. */
    DISPLAY_FROM,
    /** The display name of the first To address, else its address. */
    DISPLAY_TO
  }
}
