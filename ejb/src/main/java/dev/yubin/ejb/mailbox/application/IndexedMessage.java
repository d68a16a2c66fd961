package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A message of a mailbox with the decoded fields its content row keeps: what SEARCH, SORT and
 * THREAD read, in one query for the whole mailbox, without opening the file.
 *
 * @param path the content file, relative to the data directory
 * @param size RFC822.SIZE
 */
public record IndexedMessage(
    long uid,
    long contentId,
    String path,
    long modseq,
    OffsetDateTime internalDate,
    long size,
    Flags flags,
    Fields fields) {

  /**
   * The decoded header fields, as the content row keeps them (null when the message has none).
   *
   * @param from the From addresses as display text, {@code Name <addr>} joined with {@code ", "}
   *     (likewise {@code to}, {@code cc}, {@code bcc})
   * @param baseSubject the base subject (RFC 5256 §2.1)
   * @param sortFrom the addr-mailbox of the first From address (RFC 5256 SORT FROM; likewise {@code
   *     sortTo}, {@code sortCc})
   * @param displayFrom the display name of the first From address, else its address (RFC 5957;
   *     likewise {@code displayTo})
   * @param sentAt the Date field at its own offset, or null when absent or invalid
   * @param messageId the first msg-id of Message-ID
   * @param inReplyTo the first msg-id of In-Reply-To
   * @param references the msg-ids of References, separated by spaces
   */
  public record Fields(
      String subject,
      String from,
      String to,
      String cc,
      String bcc,
      String baseSubject,
      String sortFrom,
      String sortTo,
      String sortCc,
      String displayFrom,
      String displayTo,
      OffsetDateTime sentAt,
      String messageId,
      String inReplyTo,
      String references) {}

  /** The sent date: the Date field, or the internal date without a valid one (RFC 5256 §2.2). */
  public Instant sent() {
    return (fields.sentAt() == null ? internalDate : fields.sentAt()).toInstant();
  }
}
