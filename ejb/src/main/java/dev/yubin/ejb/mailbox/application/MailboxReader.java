package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
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
    long firstRecent = Long.MAX_VALUE;
    if (readWrite) {
      mailbox = repository.lock(mailbox.getId());
      firstRecent = mailbox.claimRecent();
    }
    List<MailboxMessage> messages = repository.messages(mailbox.getId());
    long[] uids = new long[messages.size()];
    List<Long> recent = new ArrayList<>();
    long firstUnseen = 0;
    for (int i = 0; i < uids.length; i++) {
      MailboxMessage message = messages.get(i);
      uids[i] = message.getUid();
      if (uids[i] >= firstRecent) {
        recent.add(uids[i]);
      }
      if (firstUnseen == 0 && !message.getFlags().has(SystemFlag.SEEN)) {
        firstUnseen = uids[i];
      }
    }
    return new MailboxSnapshot(
        mailbox.getId(),
        mailbox.getName(),
        mailbox.getUidValidity(),
        mailbox.getUidNext(),
        mailbox.getHighestModseq(),
        uids,
        recent.stream().mapToLong(Long::longValue).toArray(),
        firstUnseen,
        mailbox.getKeywords(),
        !readWrite);
  }

  /** Changes after {@code modseq}; null if the mailbox is gone or not the owner's. */
  public MailboxDelta changes(String owner, long mailboxId, long modseq, boolean claimRecent) {
    Mailbox mailbox = claimRecent ? repository.lock(mailboxId) : repository.find(mailboxId);
    if (mailbox == null || !mailbox.getOwner().equals(owner)) {
      return null;
    }
    long firstRecent = claimRecent ? mailbox.claimRecent() : Long.MAX_VALUE;
    List<MessageState> changed = new ArrayList<>();
    List<Long> recent = new ArrayList<>();
    for (MailboxMessage message : repository.changedSince(mailboxId, modseq)) {
      changed.add(new MessageState(message.getUid(), message.getFlags(), message.getModseq()));
      if (message.getUid() >= firstRecent) {
        recent.add(message.getUid());
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
    List<MailboxMessage> messages = repository.messages(mailboxId, uids);
    Map<Long, byte[]> structures = new HashMap<>();
    List<MessageSummary> summaries = new ArrayList<>(messages.size());
    for (MailboxMessage message : messages) {
      byte[] encoded = null;
      if (structure) {
        encoded =
            structures.computeIfAbsent(
                message.getContentId(), id -> repository.content(id).getStructure());
      }
      summaries.add(
          new MessageSummary(
              message.getUid(),
              message.getFlags(),
              message.getModseq(),
              message.getInternalDate(),
              message.getSize(),
              encoded));
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
