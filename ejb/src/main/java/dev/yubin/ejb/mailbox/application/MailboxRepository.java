package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import java.util.Collection;
import java.util.EnumSet;
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

  /** The messages of a mailbox that have \Deleted, ascending by UID (EXPUNGE). */
  default List<MailboxMessage> deleted(long mailboxId) {
    return messages(mailboxId).stream().filter(m -> m.getFlags().has(SystemFlag.DELETED)).toList();
  }

  /** The UIDs of every message of a mailbox, ascending. */
  default long[] uids(long mailboxId) {
    return messages(mailboxId).stream().mapToLong(MailboxMessage::getUid).toArray();
  }

  /** The lowest UID of a message without \Seen; 0 when every message has it. */
  default long firstUnseen(long mailboxId) {
    return messages(mailboxId).stream()
        .filter(m -> !m.getFlags().has(SystemFlag.SEEN))
        .mapToLong(MailboxMessage::getUid)
        .findFirst()
        .orElse(0);
  }

  /** The given messages that exist, as rows read rather than entities, ascending by UID. */
  default List<MessageRow> rows(long mailboxId, long[] uids) {
    return messages(mailboxId, uids).stream().map(MessageRow::of).toList();
  }

  /**
   * Sets ({@code set}) or clears the given system flags of every message with a UID from {@code
   * first} to {@code last}, and gives them {@code modseq}: one statement for a range.
   */
  default void setFlags(
      long mailboxId, long first, long last, Set<SystemFlag> flags, boolean set, long modseq) {
    for (MailboxMessage message : messages(mailboxId)) {
      if (message.getUid() >= first && message.getUid() <= last) {
        Flags next = message.getFlags();
        EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
        system.addAll(next.system());
        if (set) {
          system.addAll(flags);
        } else {
          system.removeAll(flags);
        }
        message.changeFlags(new Flags(system, next.keywords()), modseq);
      }
    }
  }

  /**
   * Every message of a mailbox with its content's decoded fields, ascending by UID, in one query
   * (SEARCH, SORT, THREAD).
   */
  List<IndexedMessage> indexed(long mailboxId);

  /** The encoded MIME structures of the given contents by content id; those without one omitted. */
  Map<Long, byte[]> structures(Collection<Long> contentIds);

  /** Messages whose MODSEQ is above {@code modseq}, ascending by UID. */
  List<MessageState> changedSince(long mailboxId, long modseq);

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
