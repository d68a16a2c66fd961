package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.FlagChange;
import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * POP3's view of the store (ADR 0009): a maildrop is the owner's INBOX as it stood at login, held
 * by one POP3 session at a time (RFC 1939 §8; the lock is in memory, so per node). Removing is an
 * expunge that IMAP sessions see (EXPUNGE, VANISHED, a new MODSEQ); the messages RETR sent become
 * \Seen when the session ends, as in Dovecot. Each call is its own transaction, so a failure to
 * open surfaces here and the lock is released.
 */
@ApplicationScoped
public class Maildrops {

  private static final Logger LOG = Logger.getLogger(Maildrops.class.getName());
  private static final Long OPENING = -1L;
  private static final FlagChange SEEN =
      new FlagChange(FlagChange.Mode.ADD, Flags.of(Set.of(SystemFlag.SEEN), List.of()));

  /** Owner to the id of the INBOX their session holds. */
  private final Map<String, Long> held = new ConcurrentHashMap<>();

  @Inject MaildropSnapshots snapshots;
  @Inject MailboxReader reader;
  @Inject MessageUpdates updates;

  /** Locks and lists the owner's INBOX; null when another session holds it. */
  public MaildropSnapshots.Snapshot open(String owner) {
    if (held.putIfAbsent(owner, OPENING) != null) {
      return null;
    }
    try {
      MaildropSnapshots.Snapshot snapshot = snapshots.take(owner);
      held.put(owner, snapshot.mailboxId());
      return snapshot;
    } catch (RuntimeException e) {
      held.remove(owner);
      throw e;
    }
  }

  /** The whole content of a message of the held INBOX; null if it is gone or unreadable. */
  public InputStream retrieve(String owner, long uid) {
    try {
      return reader.content(owner, inbox(owner), uid, 0, Long.MAX_VALUE);
    } catch (UncheckedIOException e) {
      LOG.log(Level.WARNING, "message UID " + uid + " of " + owner + " is unreadable", e);
      return null;
    }
  }

  /** Expunges messages from the held INBOX (those already gone count as removed). */
  public void remove(String owner, long[] uids) {
    updates.remove(owner, inbox(owner), uids);
  }

  /** Sets \Seen on messages of the held INBOX. */
  public void markSeen(String owner, long[] uids) {
    updates.store(owner, inbox(owner), uids, SEEN, -1);
  }

  public void close(String owner) {
    held.remove(owner);
  }

  private long inbox(String owner) {
    Long id = held.get(owner);
    if (id == null || id.equals(OPENING)) {
      throw new IllegalStateException("no POP3 session holds the INBOX of " + owner);
    }
    return id;
  }
}
