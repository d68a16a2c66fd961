package dev.yubin.protocol.imap.backend;

import dev.yubin.protocol.imap.wire.LiteralSink;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.ScramCredentials;
import dev.yubin.protocol.text.UnicodeCasemap;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * What the IMAP engine asks of the mail store. Every call names the authenticated principal; the
 * backend checks that the mailbox belongs to it. Methods may block; none is called on a network
 * thread. A {@link RuntimeException} means "temporarily unavailable": the engine answers {@code NO
 * [UNAVAILABLE]} and the session goes on.
 *
 * <p>Mailbox names are Unicode with {@code /} as the hierarchy delimiter; the engine converts
 * modified UTF-7. {@code INBOX} is spelled in upper case.
 */
public interface ImapBackend {

  /** LOGIN, AUTHENTICATE PLAIN/LOGIN: checks a password (see the SMTP backend's contract). */
  AuthResult authenticate(
      String clientAddress, String authorizationId, String user, String password);

  /** AUTHENTICATE SCRAM-SHA-256: the user's verifier, or null if there is no such user. */
  ScramCredentials scramCredentials(String clientAddress, String user);

  /** Every mailbox of the principal, with its attributes and subscription, in name order. */
  List<MailboxEntry> mailboxes(String principal);

  /** The names the principal subscribed to, existing or not (RFC 3501 §6.3.6). */
  Set<String> subscriptions(String principal);

  /** CREATE (RFC 3501 §6.3.3, RFC 6154 §3 CREATE-SPECIAL-USE). */
  MailboxOutcome create(String principal, String name, Set<String> specialUse);

  /** DELETE (RFC 3501 §6.3.4): refused for INBOX and for a name with children. */
  MailboxOutcome delete(String principal, String name);

  /** RENAME, children included; INBOX's messages move to the new name and INBOX stays. */
  MailboxOutcome rename(String principal, String from, String to);

  /** SUBSCRIBE or UNSUBSCRIBE. */
  MailboxOutcome subscribe(String principal, String name, boolean subscribe);

  /** STATUS (RFC 3501 §6.3.10): null if there is no such mailbox. */
  MailboxStatus status(String principal, String name);

  /**
   * SELECT or EXAMINE: the mailbox's state and every UID in it; null if there is no such mailbox. A
   * read-write selection claims the messages that are \Recent for this session.
   */
  SelectedState select(String principal, String name, boolean readWrite);

  /**
   * What changed in a selected mailbox since {@code sinceModseq}: messages added or whose flags
   * changed, and UIDs expunged. A read-write session claims new messages as \Recent. Answers null
   * when the mailbox no longer exists.
   */
  MailboxChanges changes(String principal, long mailboxId, long sinceModseq, boolean claimRecent);

  /**
   * Calls {@code listener} (on any thread, quickly) after a change to the mailbox commits; the
   * returned handle stops it. Hints only: the engine reads {@link #changes} to learn what.
   */
  AutoCloseable watch(String principal, long mailboxId, Runnable listener);

  /**
   * Flags, dates, sizes and, when asked, MIME structure of the given UIDs (absent ones omitted).
   */
  List<MessageData> fetch(String principal, long mailboxId, long[] uids, boolean structure);

  /**
   * {@code length} octets of a message's content from {@code offset} on (or fewer at its end); null
   * if the content is gone.
   */
  InputStream content(String principal, long mailboxId, long uid, long offset, long length);

  /**
   * STORE: changes flags of the given UIDs. With {@code unchangedSince} >= 0 (CONDSTORE), a message
   * whose MODSEQ is higher is left alone and reported as modified.
   */
  StoreOutcome store(
      String principal,
      long mailboxId,
      long[] uids,
      StoreMode mode,
      Set<String> flags,
      long unchangedSince);

  /** EXPUNGE: removes \Deleted messages, only among {@code uids} when not null (UID EXPUNGE). */
  long[] expunge(String principal, long mailboxId, long[] uids);

  /** COPY or MOVE (RFC 6851) to another mailbox, keeping flags and internal dates. */
  CopyOutcome copy(String principal, long mailboxId, long[] uids, String target, boolean move);

  /** Where APPEND's message literal goes while it arrives. */
  LiteralSink newMessage(String principal);

  /**
   * APPEND: stores the message from {@code content} durably into {@code mailbox} before answering;
   * the backend owns {@code content} from this call on.
   */
  AppendOutcome append(
      String principal,
      String mailbox,
      Set<String> flags,
      OffsetDateTime internalDate,
      LiteralSink content);

  /**
   * SEARCH: the UIDs of the messages matching {@code criteria} (see {@link SearchKey} for each
   * key), in ascending order.
   */
  long[] search(String principal, long mailboxId, SearchKey criteria);

  /**
   * SORT (RFC 5256 §3): the UIDs matching {@code criteria}, ordered by each {@link SortKey} in
   * turn, the remaining ties in UID order. Strings compare with {@link UnicodeCasemap}; an absent
   * field is the empty string, which sorts first.
   */
  long[] sort(String principal, long mailboxId, List<SortKey> order, SearchKey criteria);

  /**
   * THREAD (RFC 5256 §3): the messages matching {@code criteria} as threads, in the algorithm's
   * order, every matching message once. {@link OrderedSubjectThreads} and {@link ReferenceThreads}
   * compute them from {@link ThreadMessage}s.
   */
  List<ThreadNode> thread(
      String principal, long mailboxId, ThreadAlgorithm algorithm, SearchKey criteria);

  /** The principal's storage quota (RFC 9208); null when unlimited. */
  Quota quota(String principal);
}
