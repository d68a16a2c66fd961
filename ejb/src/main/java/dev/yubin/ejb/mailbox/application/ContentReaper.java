package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.MessageContent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes content that lost its last placement, files-last (ADR 0009): the expunging transaction
 * marks the rows deleting; after it commits the files are unlinked; the rows go at the next sweep
 * (start-up, and whenever {@link #sweep} runs). A crash in between leaves marked rows, whose files
 * the sweep removes: expunged mail never comes back.
 */
@ApplicationScoped
public class ContentReaper {

  private static final Logger LOG = Logger.getLogger(ContentReaper.class.getName());
  private static final Object KEY = ContentReaper.class;

  @Inject MailboxRepository repository;
  @Inject ContentFiles files;
  @Resource TransactionSynchronizationRegistry transactions;

  /** Marks contents no placement references any more; their files go after the commit. */
  public void releaseIfUnreferenced(Collection<Long> contentIds) {
    if (contentIds.isEmpty()) {
      return;
    }
    List<MessageContent> orphans = repository.unreferenced(contentIds);
    if (orphans.isEmpty()) {
      return;
    }
    List<String> paths =
        AfterCommit.collection(transactions, KEY, ArrayList<String>::new, this::unlink);
    for (MessageContent content : orphans) {
      content.markDeleting();
      paths.add(content.getPath());
    }
  }

  /** Finishes deletions: unlinks the files of rows marked deleting and removes the rows. */
  @Transactional
  public int sweep() {
    int removed = 0;
    for (MessageContent content : repository.deleting()) {
      unlink(content.getPath());
      repository.remove(content);
      removed++;
    }
    return removed;
  }

  private void unlink(String path) {
    try {
      files.delete(path);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot remove content file " + path + "; the next sweep will", e);
    }
  }
}
