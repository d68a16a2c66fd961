package dev.yubin.ejb.application;

import dev.yubin.ejb.infrastructure.persistence.jpa.MessageRepository;
import dev.yubin.protocol.pop3.Maildrop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A POP3 maildrop is an account's INBOX, locked by one session at a time (RFC 1939 §8). Removal
 * deletes the file first, then the index row: a crash in between leaves a row whose file is gone,
 * which the start-up recovery drops, so a deleted message never comes back.
 */
@ApplicationScoped
@Transactional
public class Maildrops {

  private static final Logger LOG = Logger.getLogger(Maildrops.class.getName());

  private final Set<String> locked = ConcurrentHashMap.newKeySet();

  @Inject MessageRepository messages;
  @Inject MailStore store;

  public Maildrop open(String owner) {
    if (!locked.add(owner)) {
      return Maildrop.lockedByAnother();
    }
    try {
      List<Maildrop.Message> listing =
          messages.list(owner, LocalDelivery.INBOX).stream()
              .map(m -> new Maildrop.Message(m.getContentKey(), m.getSize(), m.getContentKey()))
              .toList();
      return new Maildrop(false, listing);
    } catch (RuntimeException e) {
      locked.remove(owner);
      throw e;
    }
  }

  public InputStream retrieve(String owner, String key) {
    try {
      return store.files().open(owner, LocalDelivery.INBOX, key);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "message " + key + " of " + owner + " is unreadable", e);
      return null;
    }
  }

  public boolean expunge(String owner, List<String> keys) {
    boolean all = true;
    for (String key : keys) {
      try {
        store.files().delete(owner, LocalDelivery.INBOX, key);
        messages.remove(owner, LocalDelivery.INBOX, key);
      } catch (IOException e) {
        LOG.log(Level.SEVERE, "cannot remove message " + key + " of " + owner, e);
        all = false;
      }
    }
    return all;
  }

  public void close(String owner) {
    locked.remove(owner);
  }
}
