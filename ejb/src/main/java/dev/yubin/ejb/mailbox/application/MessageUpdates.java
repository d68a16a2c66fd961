package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.FlagChange;
import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Changes to messages in a mailbox: flags, expunge, copy and move. Each locks the mailbox row(s)
 * and takes one MODSEQ per mailbox for the whole change (ADR 0009).
 */
@ApplicationScoped
@Transactional
public class MessageUpdates {

  @Inject MailboxRepository repository;
  @Inject MailboxChangeFeed feed;
  @Inject ContentReaper reaper;
  @Inject MailboxQuotas quotas;

  /**
   * Changes flags of the given UIDs. With {@code unchangedSince} >= 0, a message with a higher
   * MODSEQ is left alone and reported as modified (RFC 7162 §3.1.3). Null if the mailbox is gone.
   * Adding or removing system flags is written a UID range at a time ({@link #setFlags}); keywords
   * and replacements message by message.
   */
  public FlagUpdate store(
      String owner, long mailboxId, long[] uids, FlagChange change, long unchangedSince) {
    Mailbox mailbox = repository.lock(mailboxId);
    if (mailbox == null || !mailbox.getOwner().equals(owner)) {
      return null;
    }
    boolean bySystemFlags =
        change.mode() != FlagChange.Mode.REPLACE && change.flags().keywords().isEmpty();
    List<MessageState> updated = new ArrayList<>();
    List<Long> modified = new ArrayList<>();
    for (MessageRow message : repository.rows(mailboxId, uids)) {
      if (unchangedSince >= 0 && message.modseq() > unchangedSince) {
        modified.add(message.uid());
        continue;
      }
      Flags next = message.flags().apply(change);
      if (!next.equals(message.flags())) {
        updated.add(new MessageState(message.uid(), next, 0));
      }
    }
    if (updated.isEmpty()) {
      return new FlagUpdate(
          updated,
          modified.stream().mapToLong(Long::longValue).toArray(),
          mailbox.getHighestModseq());
    }
    long modseq = mailbox.nextModseq();
    updated = updated.stream().map(m -> new MessageState(m.uid(), m.flags(), modseq)).toList();
    if (bySystemFlags) {
      setFlags(mailboxId, updated, change, modseq);
    } else {
      Set<String> keywords = new TreeSet<>();
      List<MailboxMessage> messages =
          repository.messages(mailboxId, updated.stream().mapToLong(MessageState::uid).toArray());
      for (MailboxMessage message : messages) {
        Flags next = message.getFlags().apply(change);
        message.changeFlags(next, modseq);
        keywords.addAll(next.keywords());
      }
      mailbox.addKeywords(new TreeSet<>(keywords));
    }
    feed.changed(mailboxId);
    return new FlagUpdate(
        updated,
        modified.stream().mapToLong(Long::longValue).toArray(),
        mailbox.getHighestModseq());
  }

  /**
   * Writes a change of system flags to the messages it changes, one statement per run of them: a
   * run is a range of UIDs in which every message of the mailbox changes. The mailbox row is
   * locked, so no message comes or goes meanwhile.
   */
  private void setFlags(
      long mailboxId, List<MessageState> changing, FlagChange change, long modseq) {
    long[] all = repository.uids(mailboxId);
    boolean set = change.mode() == FlagChange.Mode.ADD;
    int i = 0;
    int next = 0;
    while (next < changing.size()) {
      long first = changing.get(next).uid();
      while (all[i] != first) {
        i++;
      }
      long last = first;
      next++;
      while (next < changing.size()
          && i + 1 < all.length
          && all[i + 1] == changing.get(next).uid()) {
        last = all[++i];
        next++;
      }
      repository.setFlags(mailboxId, first, last, change.flags().system(), set, modseq);
    }
  }

  /** Removes the \Deleted messages (only among {@code uids} when not null); answers their UIDs. */
  public long[] expunge(String owner, long mailboxId, long[] uids) {
    Mailbox mailbox = repository.lock(mailboxId);
    if (mailbox == null || !mailbox.getOwner().equals(owner)) {
      return new long[0];
    }
    List<MailboxMessage> deleted =
        uids == null
            ? repository.deleted(mailboxId)
            : repository.messages(mailboxId, uids).stream()
                .filter(m -> m.getFlags().has(SystemFlag.DELETED))
                .toList();
    remove(mailbox, deleted);
    return deleted.stream().mapToLong(MailboxMessage::getUid).toArray();
  }

  /** Removes the given messages whatever their flags (POP3's DELE, a deleted mailbox). */
  public long[] remove(String owner, long mailboxId, long[] uids) {
    Mailbox mailbox = repository.lock(mailboxId);
    if (mailbox == null || !mailbox.getOwner().equals(owner)) {
      return new long[0];
    }
    List<MailboxMessage> messages = repository.messages(mailboxId, uids);
    remove(mailbox, messages);
    return messages.stream().mapToLong(MailboxMessage::getUid).toArray();
  }

  /** Empties a locked mailbox that is about to be deleted. */
  void expungeAll(Mailbox mailbox) {
    remove(mailbox, repository.messages(mailbox.getId()));
  }

  private void remove(Mailbox mailbox, List<MailboxMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    long modseq = mailbox.nextModseq();
    Set<Long> contents = new LinkedHashSet<>();
    for (MailboxMessage message : messages) {
      contents.add(message.getContentId());
    }
    repository.expunge(mailbox.getId(), messages, modseq);
    reaper.releaseIfUnreferenced(contents);
    feed.changed(mailbox.getId());
  }

  /**
   * Copies (or moves) messages to another of the owner's mailboxes, sharing their content and
   * keeping flags and internal dates.
   */
  public CopyResult copy(String owner, long mailboxId, long[] uids, String target, boolean move) {
    Mailbox source = repository.find(mailboxId);
    Mailbox destination = repository.find(owner, target);
    if (source == null || !source.getOwner().equals(owner)) {
      return CopyResult.failed(CopyResult.Status.NO_TARGET);
    }
    if (destination == null) {
      return CopyResult.failed(CopyResult.Status.NO_TARGET);
    }
    // Lock in ascending id order so that two opposite copies cannot deadlock.
    boolean sameMailbox = source.getId().equals(destination.getId());
    if (source.getId() < destination.getId() || sameMailbox) {
      source = repository.lock(source.getId());
      destination = sameMailbox ? source : repository.lock(destination.getId());
    } else {
      destination = repository.lock(destination.getId());
      source = repository.lock(source.getId());
    }
    List<MailboxMessage> messages = repository.messages(mailboxId, uids);
    if (messages.isEmpty()) {
      return new CopyResult(
          CopyResult.Status.OK, destination.getUidValidity(), new long[0], new long[0]);
    }
    if (!move && overQuota(owner, messages)) {
      return CopyResult.failed(CopyResult.Status.OVER_QUOTA);
    }
    long firstUid = destination.allocateUids(messages.size());
    long modseq = destination.nextModseq();
    long[] sourceUids = new long[messages.size()];
    long[] targetUids = new long[messages.size()];
    Set<String> keywords = new TreeSet<>();
    for (int i = 0; i < messages.size(); i++) {
      MailboxMessage message = messages.get(i);
      long uid = firstUid + i;
      repository.add(
          new MailboxMessage(
              destination.getId(),
              uid,
              message.getContentId(),
              modseq,
              message.getInternalDate(),
              message.getSize(),
              message.getFlags(),
              message.getPop3Uidl() + "." + uid));
      keywords.addAll(message.getFlags().keywords());
      sourceUids[i] = message.getUid();
      targetUids[i] = uid;
    }
    destination.addKeywords(new TreeSet<>(keywords));
    feed.changed(destination.getId());
    if (move) {
      long sourceModseq = source.nextModseq();
      repository.expunge(source.getId(), messages, sourceModseq);
      feed.changed(source.getId());
    }
    return new CopyResult(
        CopyResult.Status.OK, destination.getUidValidity(), sourceUids, targetUids);
  }

  private boolean overQuota(String owner, List<MailboxMessage> adding) {
    Long limit = quotas.limit(owner);
    if (limit == null) {
      return false;
    }
    long added = adding.stream().mapToLong(MailboxMessage::getSize).sum();
    return repository.usage(owner)[0] + added > limit;
  }
}
