package dev.yubin.ejb.application.relay;

import dev.yubin.ejb.config.YubinSettings;
import dev.yubin.ejb.domain.queue.QueueEntry;
import dev.yubin.ejb.infrastructure.store.QueueFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The outbound queue of this server: entries on disk (the truth) and what operators may do. */
@ApplicationScoped
public class OutboundQueue {

  private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

  @Inject YubinSettings settings;

  private QueueFiles files;

  @PostConstruct
  void open() {
    files = new QueueFiles(settings.dataDirectory());
  }

  /** Queues a message durably; it is relayed when the scanner or a doorbell finds it due. */
  public void add(QueueEntry entry, byte[] header, Path body, long bodyOffset) throws IOException {
    files.create(entry, header, body, bodyOffset);
    LOG.info(
        () ->
            "queued "
                + entry.id()
                + " from <"
                + entry.sender()
                + "> for "
                + entry.recipients().size()
                + " recipient(s)");
  }

  public Optional<QueueEntry> find(String id) {
    try {
      return files.load(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every entry, oldest first. */
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

  /** The ids of entries with a recipient due at {@code now}. */
  public List<String> due(Instant now) {
    return entries().stream()
        .filter(e -> e.nextAttempt().map(t -> !t.isAfter(now)).orElse(false))
        .map(QueueEntry::id)
        .toList();
  }

  /** Records an entry's new state durably, or removes it when every recipient is final. */
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

  /** An operator's "retry now": every pending recipient becomes due. */
  public boolean retryNow(String id) {
    return find(id)
        .map(
            e -> {
              update(e.dueAt(Instant.now()));
              return true;
            })
        .orElse(false);
  }

  /** An operator's "delete": the message is dropped without notice. */
  public boolean delete(String id) {
    try {
      if (files.load(id).isEmpty()) {
        return false;
      }
      files.delete(id);
      LOG.warning("queue entry " + id + " deleted by an operator");
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public QueueFiles files() {
    return files;
  }
}
