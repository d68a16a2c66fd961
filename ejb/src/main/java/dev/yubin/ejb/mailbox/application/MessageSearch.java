package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * SEARCH and SORT over a mailbox (RFC 3501 §6.4.4, RFC 5256): its messages are read with their
 * decoded fields in one query and matched in turn; files are opened only for keys that need the
 * body or a header field the store does not keep, their structures read a batch at a time.
 */
@ApplicationScoped
@Transactional
public class MessageSearch {

  /** Messages whose structures are read with one query when a key needs the file. */
  static final int BATCH = 256;

  @Inject MailboxRepository repository;
  @Inject ContentFiles files;

  /** The server's zone, in which internal dates have their day (SINCE, ON, BEFORE). */
  ZoneId zone = ZoneId.systemDefault();

  /**
   * The messages of the owner's mailbox that match, ascending by UID; none if the mailbox is gone
   * or not the owner's.
   */
  public List<IndexedMessage> matching(String owner, long mailboxId, MessageCriteria criteria) {
    Mailbox mailbox = repository.find(mailboxId);
    if (mailbox == null || !mailbox.getOwner().equals(owner)) {
      return List.of();
    }
    MessageCriteria plan = CriteriaMatcher.rowFirst(criteria);
    CriteriaMatcher matcher = new CriteriaMatcher(zone);
    List<IndexedMessage> messages = repository.indexed(mailboxId);
    List<IndexedMessage> found = new ArrayList<>();
    for (int from = 0; from < messages.size(); from += BATCH) {
      List<IndexedMessage> batch = messages.subList(from, Math.min(messages.size(), from + BATCH));
      StructureBatch structures = new StructureBatch(repository, files, batch);
      for (IndexedMessage message : batch) {
        if (matcher.matches(plan, message, new MessageText(message, structures, files))) {
          found.add(message);
        }
      }
    }
    return found;
  }

  /** The UIDs of the matching messages, ascending. */
  public long[] search(String owner, long mailboxId, MessageCriteria criteria) {
    return uids(matching(owner, mailboxId, criteria));
  }

  /** The UIDs of the matching messages in the given order, ties by UID. */
  public long[] sort(
      String owner, long mailboxId, List<SortCriterion> order, MessageCriteria criteria) {
    return uids(sorted(owner, mailboxId, order, criteria));
  }

  /** The matching messages in the given order, ties by UID (a webmail message list). */
  public List<IndexedMessage> sorted(
      String owner, long mailboxId, List<SortCriterion> order, MessageCriteria criteria) {
    return MessageOrder.sort(matching(owner, mailboxId, criteria), order);
  }

  private static long[] uids(List<IndexedMessage> messages) {
    return messages.stream().mapToLong(IndexedMessage::uid).toArray();
  }
}
