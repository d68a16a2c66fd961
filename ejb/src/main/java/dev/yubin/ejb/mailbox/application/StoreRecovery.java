package dev.yubin.ejb.mailbox.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes content files and rows agree at start-up, before any client is served (ADR 0003, 0009):
 *
 * <ul>
 *   <li>rows marked deleting lose their files, then go (an expunge's files-last step that a crash
 *       interrupted), so expunged mail never comes back;
 *   <li>a file no row references was written and forced before a transaction that never committed,
 *       so no client heard 250 or OK for it (with {@code WRITE_DELAY 0} on H2 and on PostgreSQL not
 *       even SIGKILL loses a commit). Only losing power under H2 can drop a commit whose reply went
 *       out, and a blob's name does not say whose it was: the file is set aside in {@code
 *       lost+found/}, never delivered twice and never destroyed;
 *   <li>a row whose file is missing is reported, not dropped: a folder that is only unmounted must
 *       not cost the messages. Reading it fails per message, never the start-up.
 * </ul>
 *
 * Internal dates, UIDs and flags live in the rows, so nothing of them is rebuilt.
 */
@ApplicationScoped
public class StoreRecovery {

  /** Rows and paths handled per query: bounded memory and parameter lists whatever the store. */
  static final int BATCH = 500;

  /** Missing files named one by one in the log; the rest are counted. */
  static final int MISSING_NAMED = 20;

  private static final Logger LOG = Logger.getLogger(StoreRecovery.class.getName());

  @Inject MailboxRepository repository;
  @Inject ContentFiles files;
  @Inject ContentReaper reaper;

  /** What one recovery found and did. */
  public record Report(int reaped, int setAside, int missing) {}

  public Report recover() {
    int reaped = reaper.sweep();
    List<String> onDisk;
    try {
      onDisk = files.scan();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan the content files", e);
    }
    int setAside = setAsideOrphans(onDisk);
    int missing = reportMissing(new HashSet<>(onDisk));
    Report report = new Report(reaped, setAside, missing);
    LOG.info(
        "Store recovery: "
            + reaped
            + " expunged contents finished, "
            + setAside
            + " files without a row set aside in lost+found, "
            + missing
            + " rows without their file");
    return report;
  }

  private int setAsideOrphans(List<String> onDisk) {
    int count = 0;
    for (int from = 0; from < onDisk.size(); from += BATCH) {
      List<String> batch = onDisk.subList(from, Math.min(onDisk.size(), from + BATCH));
      Set<String> known = repository.knownPaths(batch);
      for (String path : batch) {
        if (!known.contains(path)) {
          try {
            files.setAside(path);
            count++;
            LOG.warning("content file " + path + " has no row (no commit): set aside");
          } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot set aside content file " + path, e);
          }
        }
      }
    }
    return count;
  }

  private int reportMissing(Set<String> onDisk) {
    int missing = 0;
    long after = 0;
    List<MailboxRepository.ContentPath> page;
    while (!(page = repository.contentPaths(after, BATCH)).isEmpty()) {
      for (MailboxRepository.ContentPath row : page) {
        if (!onDisk.contains(row.path()) && !files.exists(row.path())) {
          if (++missing <= MISSING_NAMED) {
            LOG.severe("content " + row.id() + " has no file at " + row.path());
          }
        }
      }
      after = page.get(page.size() - 1).id();
    }
    return missing;
  }
}
