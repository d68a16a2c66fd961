package dev.yubin.ejb.application;

import dev.yubin.ejb.domain.model.StoredMessage;
import dev.yubin.ejb.infrastructure.persistence.jpa.MessageRepository;
import dev.yubin.ejb.infrastructure.store.FileContentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes the index agree with the files after a crash. The files were forced to disk before any 250;
 * the embedded database may have lost its last commits (H2 does not fsync on commit). So: a file
 * without a row gets a row; a row without a file goes; a half-received spool file goes (its sender
 * never got a 250).
 */
@ApplicationScoped
@Transactional
public class StoreRecovery {

  private static final Logger LOG = Logger.getLogger(StoreRecovery.class.getName());

  @Inject MessageRepository messages;
  @Inject MailStore store;

  public void recover() {
    FileContentStore files = store.files();
    int spooled = files.clearSpool();
    Set<String> indexed = messages.allContentKeys();
    int added = 0;
    int dropped = 0;
    try {
      for (FileContentStore.Located file : files.scan()) {
        if (!indexed.remove(file.key())) {
          messages.add(
              new StoredMessage(
                  file.owner(), file.mailbox(), file.key(), file.size(), file.modified()));
          added++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan the content store", e);
    }
    for (StoredMessage row : messages.all()) {
      if (indexed.contains(row.getContentKey())) {
        messages.remove(row);
        dropped++;
      }
    }
    LOG.info(
        "Store recovery: "
            + added
            + " messages re-indexed, "
            + dropped
            + " stale index rows dropped, "
            + spooled
            + " unfinished spool files removed");
  }
}
