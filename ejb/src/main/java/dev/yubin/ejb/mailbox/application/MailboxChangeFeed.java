package dev.yubin.ejb.mailbox.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells readers of a mailbox that it changed, after the change commits (never for a rolled-back
 * one). A hint only: readers then read the committed state, so a lost or repeated hint costs a
 * query, never correctness (ADR 0009). In the JVM now; a JMS topic can carry it across nodes.
 */
@ApplicationScoped
public class MailboxChangeFeed {

  private static final Logger LOG = Logger.getLogger(MailboxChangeFeed.class.getName());
  private static final Object KEY = MailboxChangeFeed.class;

  private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();

  @Resource TransactionSynchronizationRegistry transactions;

  /** Calls {@code listener} after each committed change of the mailbox, until closed. */
  public AutoCloseable watch(long mailboxId, Runnable listener) {
    listeners.computeIfAbsent(mailboxId, id -> new CopyOnWriteArraySet<>()).add(listener);
    return () ->
        listeners.computeIfPresent(
            mailboxId,
            (id, set) -> {
              set.remove(listener);
              return set.isEmpty() ? null : set;
            });
  }

  /** Announces a change to the mailbox once the current transaction commits. */
  public void changed(long mailboxId) {
    AfterCommit.collection(transactions, KEY, LinkedHashSet<Long>::new, this::announce)
        .add(mailboxId);
  }

  private void announce(long mailboxId) {
    for (Runnable listener : listeners.getOrDefault(mailboxId, Set.of())) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a mailbox listener failed", e);
      }
    }
  }
}
