package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a reader of a mailbox asks: open it (a snapshot of its UIDs), what changed since, message
 * data and content. A read-write opener claims the messages that are \Recent (RFC 3501 §2.3.2):
 * each is recent to exactly one session.
 */
@ApplicationScoped
@Transactional
public class MailboxReader {

  @Inject MailboxRepository repository;
  @Inject MailboxFolders folders;
  @Inject ContentFiles files;
  @Inject MailboxChangeFeed feed;
  @Inject MailboxQuotas quotas;

  /** What an owner's messages take and may take (the quota root of RFC 9208: the account). */
  public record Usage(long bytes, long messages, Long limit) {}

  /** The owner's usage across every mailbox, and the limit. */
  public Usage usage(String owner) {
    long[] usage = repository.usage(owner);
    return new Usage(usage[0], usage[1], quotas.limit(owner));
  }

  /** Opens a mailbox; null if there is none of that name. */
  public MailboxSnapshot open(String owner, String name, boolean readWrite) {
    Mailbox mailbox = folders.find(owner, name);
    if (mailbox == null) {
      return null;
    }
    long firstRecent = readWrite ? claimRecent(mailbox) : Long.MAX_VALUE;
    // Columns, not entities: a mailbox may hold 100,000 messages. What committed after the
    // mailbox row was read waits for the next report of changes.
    long[] uids = repository.uids(mailbox.getId());
    int visible = Arrays.binarySearch(uids, mailbox.getUidNext());
    uids = Arrays.copyOf(uids, visible >= 0 ? visible : -visible - 1);
    long firstUnseen = repository.firstUnseen(mailbox.getId());
    if (firstUnseen >= mailbox.getUidNext()) {
      firstUnseen = 0;
    }
    int firstRecentAt = Arrays.binarySearch(uids, firstRecent);
    long[] recent =
        Arrays.copyOfRange(
            uids, firstRecentAt >= 0 ? firstRecentAt : -firstRecentAt - 1, uids.length);
    return new MailboxSnapshot(
        mailbox.getId(),
        mailbox.getName(),
        mailbox.getUidValidity(),
        mailbox.getUidNext(),
        mailbox.getHighestModseq(),
        uids,
        recent,
        firstUnseen,
        mailbox.getKeywords(),
        !readWrite);
  }

  /** Changes after {@code modseq}; null if the mailbox is gone or not the owner's. */
  public MailboxDelta changes(String owner, long mailboxId, long modseq, boolean claimRecent) {
    Mailbox mailbox = repository.find(mailboxId);
    if (mailbox == null || !mailbox.getOwner().equals(owner)) {
      return null;
    }
    long firstRecent = claimRecent ? claimRecent(mailbox) : Long.MAX_VALUE;
    List<MessageState> changed = new ArrayList<>();
    List<Long> recent = new ArrayList<>();
    for (MessageState message : repository.changedSince(mailboxId, modseq)) {
      if (message.modseq() > mailbox.getHighestModseq()) {
        continue; // committed after the mailbox row was read: the next report has it
      }
      changed.add(message);
      if (message.uid() >= firstRecent) {
        recent.add(message.uid());
      }
    }
    return new MailboxDelta(
        changed,
        repository.expungedSince(mailboxId, modseq),
        recent.stream().mapToLong(Long::longValue).toArray(),
        mailbox.getKeywords(),
        mailbox.getHighestModseq(),
        mailbox.getUidNext());
  }

  /**
   * Claims \Recent for this reader: the first UID that is recent to it. The row is locked (and
   * re-read) only when it has messages nobody claimed yet, so sessions that merely look do not
   * queue behind each other on it.
   */
  private long claimRecent(Mailbox mailbox) {
    if (mailbox.getFirstRecentUid() >= mailbox.getUidNext()) {
      return Long.MAX_VALUE;
    }
    return repository.lock(mailbox.getId()).claimRecent();
  }

  /** Calls {@code listener} after every committed change of the owner's mailbox. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public AutoCloseable watch(String owner, long mailboxId, Runnable listener) {
    Mailbox mailbox = repository.find(mailboxId);
    if (mailbox == null || !mailbox.getOwner().equals(owner)) {
      return () -> {};
    }
    return feed.watch(mailboxId, listener);
  }

  /** Data of the given UIDs that exist, ascending; with the encoded MIME structure if asked. */
  public List<MessageSummary> fetch(String owner, long mailboxId, long[] uids, boolean structure) {
    Mailbox mailbox = repository.find(mailboxId);
    if (mailbox == null || !mailbox.getOwner().equals(owner)) {
      return List.of();
    }
    List<MessageRow> messages = repository.rows(mailboxId, uids);
    Map<Long, byte[]> structures =
        structure
            ? repository.structures(
                messages.stream().map(MessageRow::contentId).distinct().toList())
            : Map.of();
    List<MessageSummary> summaries = new ArrayList<>(messages.size());
    for (MessageRow message : messages) {
      summaries.add(
          new MessageSummary(
              message.uid(),
              message.flags(),
              message.modseq(),
              message.internalDate(),
              message.size(),
              structures.get(message.contentId())));
    }
    return summaries;
  }

  /** A byte range of a message's content; null if the message is gone. */
  public InputStream content(String owner, long mailboxId, long uid, long offset, long length) {
    Mailbox mailbox = repository.find(mailboxId);
    if (mailbox == null || !mailbox.getOwner().equals(owner)) {
      return null;
    }
    MailboxMessage message = repository.message(mailboxId, uid);
    if (message == null) {
      return null;
    }
    MessageContent content = repository.content(message.getContentId());
    try {
      return files.open(content.getPath(), offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("content of UID " + uid + " is unreadable", e);
    }
  }
}
