package dev.yubin.ejb.relay.application;

import dev.yubin.ejb.relay.domain.QueueEntry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbound queue of this server: entries on disk (the truth) and what operators may do.
 *
 * <p>One party at a time works on an entry: a relay attempt, an operator's retry or delete, or the
 * transaction that is queueing it ({@link #claim}). An entry queued inside a transaction stays
 * claimed by it until it ends: the relay cannot see a message whose sender may still get a 4xx, and
 * the entry is removed if the transaction rolls back. Each entry that becomes ready is announced as
 * a {@link Ready} event (the {@link QueueRunner} has it tried).
 */
@ApplicationScoped
public class OutboundQueue {

  private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

  /** An entry that may be attempted now: just queued (and committed), or retried by an operator. */
  public record Ready(QueueEntry entry) {}

  /** What became of an operator's request. */
  public enum Change {
    DONE,
    NO_ENTRY,
    /** A delivery attempt (or the transaction queueing the entry) is running: try again later. */
    BUSY
  }

  @Inject Event<Ready> ready;
  @Resource TransactionSynchronizationRegistry transactions;

  private final Set<String> busy = ConcurrentHashMap.newKeySet();
  @Inject QueueStore files;

  public OutboundQueue() {}

  /** A queue on this store, for tests: no transactions; set {@link #ready} to see events. */
  OutboundQueue(QueueStore files) {
    this.files = files;
  }

  /**
   * Queues a message durably. Outside a transaction it is ready at once; inside one, once the
   * transaction commits (if it rolls back, the entry is removed).
   */
  public void add(QueueEntry entry, byte[] header, Path body, long bodyOffset) throws IOException {
    boolean inTransaction = inTransaction();
    if (inTransaction) {
      busy.add(entry.id()); // before the files exist: no scan may see them unclaimed
    }
    try {
      files.create(entry, header, body, bodyOffset);
    } catch (IOException | RuntimeException e) {
      busy.remove(entry.id());
      throw e;
    }
    LOG.info(
        () ->
            "queued "
                + entry.id()
                + " from <"
                + entry.sender()
                + "> for "
                + entry.recipients().size()
                + " recipient(s)");
    if (inTransaction) {
      transactions.registerInterposedSynchronization(new ReleaseWithTransaction(entry));
    } else {
      announce(entry);
    }
  }

  /**
   * Exclusive use of an entry (a delivery attempt, an operator's change); empty while someone else
   * has it. Close the claim when done.
   */
  public Optional<Claim> claim(String id) {
    return busy.add(id) ? Optional.of(new Claim(id)) : Optional.empty();
  }

  /** The exclusive use of one entry, until closed. */
  public final class Claim implements AutoCloseable {
    private final String id;

    private Claim(String id) {
      this.id = id;
    }

    @Override
    public void close() {
      busy.remove(id);
    }
  }

  public Optional<QueueEntry> find(String id) {
    try {
      return files.load(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every readable entry, oldest first (unreadable ones are set aside by the store). */
  public List<QueueEntry> entries() {
    List<QueueEntry> all = new ArrayList<>();
    try {
      for (String id : files.ids()) {
        files.load(id).ifPresent(all::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  /** The entries with a recipient due at {@code now} that nobody is working on. */
  public List<QueueEntry> due(Instant now) {
    return entries().stream()
        .filter(e -> !busy.contains(e.id()))
        .filter(e -> e.nextAttempt().map(t -> !t.isAfter(now)).orElse(false))
        .toList();
  }

  /**
   * Records an entry's new state durably, or removes it when every recipient is final. The caller
   * holds its {@link Claim}.
   */
  public void update(QueueEntry entry) {
    try {
      if (entry.isDone()) {
        files.delete(entry.id());
      } else {
        files.save(entry);
      }
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "cannot record the state of " + entry.id(), e);
      throw new UncheckedIOException(e);
    }
  }

  /** An operator's "retry now": every pending recipient becomes due, and the entry is tried. */
  public Change retryNow(String id) {
    Optional<QueueEntry> retried;
    Optional<Claim> claim = claim(id);
    if (claim.isEmpty()) {
      return find(id).isPresent() ? Change.BUSY : Change.NO_ENTRY;
    }
    try (Claim c = claim.get()) {
      retried = find(id).map(e -> e.dueAt(Instant.now()));
      retried.ifPresent(this::update);
    }
    retried.ifPresent(this::announce);
    return retried.isPresent() ? Change.DONE : Change.NO_ENTRY;
  }

  /** An operator's "delete": the message is dropped without notice. */
  public Change delete(String id) {
    Optional<Claim> claim = claim(id);
    if (claim.isEmpty()) {
      return find(id).isPresent() ? Change.BUSY : Change.NO_ENTRY;
    }
    try (Claim c = claim.get()) {
      if (files.load(id).isEmpty()) {
        return Change.NO_ENTRY;
      }
      files.delete(id);
      LOG.warning("queue entry " + id + " deleted by an operator");
      return Change.DONE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The content of queued message {@code id}, as queued. */
  public InputStream open(String id) throws IOException {
    return files.open(id);
  }

  /** The size in bytes of queued message {@code id}'s content. */
  public long size(String id) throws IOException {
    return files.size(id);
  }

  /** Tells whoever tries entries that this one is ready; the periodic scan is the safety net. */
  private void announce(QueueEntry entry) {
    try {
      ready.fire(new Ready(entry));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, entry.id() + " is queued; the next queue run tries it", e);
    }
  }

  private boolean inTransaction() {
    if (transactions == null) {
      return false;
    }
    int status = transactions.getTransactionStatus();
    return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
  }

  /**
   * Ends the claim of the transaction that queued an entry: committed, the entry is ready;
   * otherwise its sender got a 4xx and will send it again, so it goes.
   */
  private final class ReleaseWithTransaction implements Synchronization {
    private final QueueEntry entry;

    ReleaseWithTransaction(QueueEntry entry) {
      this.entry = entry;
    }

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        busy.remove(entry.id());
        announce(entry);
        return;
      }
      try {
        files.delete(entry.id());
        busy.remove(entry.id());
      } catch (IOException e) {
        // Still claimed: not relayed by this process, though a restart would find it.
        LOG.log(Level.SEVERE, "cannot remove the uncommitted queue entry " + entry.id(), e);
      }
    }
  }
}
