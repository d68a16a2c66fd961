package dev.yubin.ejb.mailbox.infrastructure;

import dev.yubin.ejb.mailbox.application.LegacyMessages;
import dev.yubin.ejb.mailbox.domain.StoredMessage;
import dev.yubin.ejb.platform.application.MailStore;
import dev.yubin.ejb.platform.infrastructure.store.FileContentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The first store: rows of {@code stored_message} and files under {@code mail/<owner>/<mailbox>/}.
 * That every row has moved is recorded as a {@code store_counter} row, so later starts neither scan
 * the old folders nor query the old table.
 */
@ApplicationScoped
@Transactional
public class JpaLegacyMessages implements LegacyMessages {

  static final String FINISHED = "legacy_store_moved";

  private static final Logger LOG = Logger.getLogger(JpaLegacyMessages.class.getName());

  @PersistenceContext(unitName = "yubin")
  EntityManager em;

  @Inject MailStore store;

  @Override
  public boolean finished() {
    return ((Number)
                em.createNativeQuery("SELECT COUNT(*) FROM store_counter WHERE name = ?")
                    .setParameter(1, FINISHED)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  @Override
  public void reconcile() {
    FileContentStore files = store.files();
    Set<String> known =
        new HashSet<>(
            em.createQuery("select m.contentKey from StoredMessage m", String.class)
                .getResultList());
    // Moved messages keep their files here: they must not come back as new rows.
    known.addAll(
        em.createQuery(
                "select c.contentKey from MessageContent c where c.path like 'mail/%'",
                String.class)
            .getResultList());
    int added = 0;
    try {
      for (FileContentStore.Located file : files.scan()) {
        if (known.add(file.key())) {
          em.persist(
              new StoredMessage(
                  file.owner(), file.mailbox(), file.key(), file.size(), file.modified()));
          added++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan the first store", e);
    }
    int dropped = 0;
    for (StoredMessage row :
        em.createQuery("select m from StoredMessage m", StoredMessage.class).getResultList()) {
      if (!files.exists(row.getOwner(), row.getMailbox(), row.getContentKey())) {
        em.remove(row);
        dropped++;
      }
    }
    LOG.info(
        "First store: "
            + added
            + " files without a row indexed, "
            + dropped
            + " rows without a file dropped");
  }

  @Override
  public List<Legacy> after(long afterId, int limit) {
    FileContentStore files = store.files();
    return em
        .createQuery(
            "select m from StoredMessage m where m.id > :after order by m.id", StoredMessage.class)
        .setParameter("after", afterId)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(
            m ->
                new Legacy(
                    m.getId(),
                    m.getOwner(),
                    m.getContentKey(),
                    files.relativePath(m.getOwner(), m.getMailbox(), m.getContentKey()),
                    m.getSize(),
                    m.getReceivedAt()))
        .toList();
  }

  @Override
  public void remove(Legacy message) {
    em.createQuery("delete from StoredMessage m where m.id = :id")
        .setParameter("id", message.id())
        .executeUpdate();
  }

  @Override
  public void markFinished() {
    em.createNativeQuery("INSERT INTO store_counter (name, counter) VALUES (?, 1)")
        .setParameter(1, FINISHED)
        .executeUpdate();
  }
}
