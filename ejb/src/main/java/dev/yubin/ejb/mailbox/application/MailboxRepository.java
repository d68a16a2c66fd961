package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mailbox store's rows. Every method runs in the caller's transaction. */
public interface MailboxRepository {

  Mailbox find(String owner, String name);

  Mailbox find(long id);

  /** The mailbox row locked until the transaction ends; null if gone. */
  Mailbox lock(long id);

  List<Mailbox> mailboxes(String owner);

  void add(Mailbox mailbox);

  void remove(Mailbox mailbox);

  /** A new UIDVALIDITY: never used before on this server, never 0. */
  long nextUidValidity();

  /**
   * Waits for, then holds until the transaction ends, the lock that {@link #nextUidValidity} takes:
   * whoever makes mailboxes after it sees those that others made before.
   */
  void lockMailboxCreation();

  Set<String> subscriptions(String owner);

  /** Answers false when nothing changed (already subscribed, or not subscribed). */
  boolean subscribe(String owner, String name, boolean subscribe);

  /** Every message of a mailbox, ascending by UID. */
  List<MailboxMessage> messages(long mailboxId);

  /** The given messages that exist, ascending by UID. */
  List<MailboxMessage> messages(long mailboxId, long[] uids);

  /**
   * Every message of a mailbox with its content's decoded fields, ascending by UID, in one query
   * (SEARCH, SORT, THREAD).
   */
  List<IndexedMessage> indexed(long mailboxId);

  /** The encoded MIME structures of the given contents by content id; those without one omitted. */
  Map<Long, byte[]> structures(Collection<Long> contentIds);

  /** Messages whose MODSEQ is above {@code modseq}, ascending by UID. */
  List<MailboxMessage> changedSince(long mailboxId, long modseq);

  /** UIDs expunged with a MODSEQ above {@code modseq}, ascending. */
  long[] expungedSince(long mailboxId, long modseq);

  MailboxMessage message(long mailboxId, long uid);

  void add(MailboxMessage message);

  /** Removes messages and records their expunge with {@code modseq}. */
  void expunge(long mailboxId, Collection<MailboxMessage> messages, long modseq);

  void add(MessageContent content);

  MessageContent content(long id);

  /** Of the given contents, those no message references any more. */
  List<MessageContent> unreferenced(Collection<Long> contentIds);

  /** Contents marked deleting (a crash came between marking and unlinking). */
  List<MessageContent> deleting();

  void remove(MessageContent content);

  /** A content row's id and file, as recovery pages through them. */
  record ContentPath(long id, String path) {}

  /** Up to {@code limit} content rows with an id above {@code afterId}, ascending. */
  List<ContentPath> contentPaths(long afterId, int limit);

  /** Of the given content file paths, those a content row references. */
  Set<String> knownPaths(Collection<String> paths);

  /** Counters for STATUS: messages, unseen, deleted, bytes, recent from {@code firstRecentUid}. */
  long[] counts(long mailboxId, long firstRecentUid);

  /** The bytes and number of messages of all of an owner's mailboxes. */
  long[] usage(String owner);
}
