package dev.yubin.ejb.mailbox.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the first store's messages into the mailbox store at start-up, once (ADR 0009): each into
 * its owner's INBOX (the default mailboxes made first), in the order they arrived, one transaction
 * per message that also removes the old row, so a crash midway and a restart finish the job without
 * duplicates. A message that cannot be moved stops its owner's move until the next start (UIDs stay
 * in arrival order); the others go on.
 */
@ApplicationScoped
public class LegacyStoreMigration {

  static final int BATCH = 200;

  private static final Logger LOG = Logger.getLogger(LegacyStoreMigration.class.getName());

  @Inject LegacyMessages legacy;
  @Inject LegacyMessageImport importer;
  @Inject MailboxFolders folders;

  /** Moves what is left; answers how many messages moved. */
  public int migrate() {
    if (legacy.finished()) {
      return 0;
    }
    legacy.reconcile();
    Set<String> ready = new HashSet<>();
    Set<String> stopped = new HashSet<>();
    int moved = 0;
    long after = 0;
    List<LegacyMessages.Legacy> batch;
    while (!(batch = legacy.after(after, BATCH)).isEmpty()) {
      for (LegacyMessages.Legacy message : batch) {
        if (!stopped.contains(message.owner()) && move(message, ready)) {
          moved++;
        } else {
          stopped.add(message.owner());
        }
      }
      after = batch.get(batch.size() - 1).id();
    }
    if (stopped.isEmpty()) {
      legacy.markFinished();
    }
    LOG.info(
        "First store: "
            + moved
            + " messages moved into the mailbox store"
            + (stopped.isEmpty()
                ? ""
                : "; the messages of " + stopped + " wait for the next start"));
    return moved;
  }

  private boolean move(LegacyMessages.Legacy message, Set<String> ready) {
    try {
      if (ready.add(message.owner())) {
        folders.ensureDefaults(message.owner());
      }
      importer.move(message);
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "cannot move message "
              + message.key()
              + " of "
              + message.owner()
              + " from the first store",
          e);
      return false;
    }
  }
}
