package dev.yubin.ejb.application;

import dev.yubin.protocol.Reply;
import java.util.List;
import java.util.Optional;

/**
 * Mailbox quotas in SMTP terms (RFC 3463 X.2.2 "mailbox full"). Pure decisions; the caller reads
 * each limited mailbox's quota and usage (the sum of its message sizes) from the index.
 *
 * <p>At RCPT a mailbox that is already full refuses the recipient with {@code 452 4.2.2}, a
 * temporary failure (Dovecot's {@code lmtp_rcpt_check_quota}): the sender retries once the user has
 * made room. For an alias this means one full member defers mail to the alias, because one reply
 * covers the whole message and a member must not silently miss it.
 *
 * <p>At the end of DATA one reply covers every recipient. When the message fits nowhere it
 * overflows (every copy would exceed its mailbox's quota) the answer is {@code 552 5.2.2}, as
 * Dovecot answers with its default {@code quota_full_tempfail = no}. When only some copies
 * overflow, a 5xx would bounce the message for recipients who have room and a 250 would drop it for
 * the full one, so the whole message gets {@code 452 4.2.2}: nothing is stored, nothing is lost,
 * and the client's retry delivers every copy once.
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
  public static Optional<Reply> atRecipient(String forwardPath, List<Usage> mailboxes) {
    if (mailboxes.stream().anyMatch(Usage::full)) {
      return Optional.of(mailboxFull(452, "4.2.2", forwardPath));
    }
    return Optional.empty();
  }

  /** End of DATA: empty when every copy fits, else the reply for the whole message. */
  public static Optional<Reply> atEndOfData(List<Copy> copies) {
    long overflowing = copies.stream().filter(c -> !c.usage().fits(c.size())).count();
    if (overflowing == 0) {
      return Optional.empty();
    }
    if (overflowing == copies.size()) {
      return Optional.of(Reply.of(552, "5.2.2", "Mailbox full: the message exceeds the quota"));
    }
    return Optional.of(
        Reply.of(
            452,
            "4.2.2",
            "Mailbox full for some recipients: the message is deferred for all, try again later"));
  }

  private static Reply mailboxFull(int code, String status, String forwardPath) {
    return Reply.of(
        code, status, "<" + forwardPath + ">: Recipient address rejected: Mailbox full");
  }
}
