package dev.yubin.ejb.submission.application;

import dev.yubin.ejb.kernel.Outcome;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mailbox quotas as RFC 3463 words them (X.2.2 "mailbox full"). Pure decisions; the caller reads
 * each limited mailbox's quota and usage (the sum of its message sizes) from the index.
 *
 * <p>At RCPT a mailbox that is already full refuses the recipient with {@code 4.2.2}, a temporary
 * failure (Dovecot's {@code lmtp_rcpt_check_quota}): the sender retries once the user has made
 * room. For an alias this means one full member defers mail to the alias, because one reply covers
 * the whole message and a member must not silently miss it.
 *
 * <p>At the end of DATA each copy is checked on its own: a copy that would overflow its mailbox is
 * refused for good ({@code 5.2.2}, as Dovecot answers with its default {@code quota_full_tempfail =
 * no}) while the copies with room are stored. When no copy fits, the answer says so; otherwise the
 * sender gets a failure report for the full recipients (see {@link Submission}). One full mailbox
 * does not hold up the others.
 */
public final class QuotaCheck {

  private QuotaCheck() {}

  /**
   * A mailbox's limit and what it holds, in bytes.
   *
   * @param mailbox the owner's address
   * @param quota the limit; null for none
   * @param used the sum of its message sizes
   */
  public record Usage(String mailbox, Long quota, long used) {

    boolean full() {
      return quota != null && used >= quota;
    }

    boolean fits(long size) {
      return quota == null || used + size <= quota;
    }
  }

  /** A copy about to be stored: its mailbox's usage and its own size. */
  public record Copy(Usage usage, long size) {}

  /** RCPT: 452 4.2.2 if any mailbox the forward-path reaches is full. */
  public static Optional<Outcome> atRecipient(String forwardPath, List<Usage> mailboxes) {
    if (mailboxes.stream().anyMatch(Usage::full)) {
      return Optional.of(Outcome.temporaryFailure("4.2.2", mailboxFull(forwardPath)));
    }
    return Optional.empty();
  }

  /** End of DATA: the mailboxes whose copy would exceed their quota. */
  public static Set<String> overflowing(List<Copy> copies) {
    return copies.stream()
        .filter(c -> !c.usage().fits(c.size()))
        .map(c -> c.usage().mailbox())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** End of DATA: the refusal of a recipient whose copy does not fit. */
  public static Outcome overflow(String forwardPath) {
    return Outcome.permanentFailure("5.2.2", mailboxFull(forwardPath));
  }

  private static String mailboxFull(String forwardPath) {
    return "<" + forwardPath + ">: Recipient address rejected: Mailbox full";
  }
}
