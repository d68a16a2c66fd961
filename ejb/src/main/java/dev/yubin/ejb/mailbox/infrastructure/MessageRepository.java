package dev.yubin.ejb.mailbox.infrastructure;

import dev.yubin.ejb.mailbox.domain.StoredMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The message index. */
@ApplicationScoped
public class MessageRepository {

  @PersistenceContext(unitName = "yubin")
  EntityManager em;

  public void add(StoredMessage message) {
    em.persist(message);
  }

  /** A mailbox's messages in arrival order. */
  public List<StoredMessage> list(String owner, String mailbox) {
    return em.createQuery(
            "select m from StoredMessage m where m.owner = :owner and m.mailbox = :mailbox"
                + " order by m.id",
            StoredMessage.class)
        .setParameter("owner", owner)
        .setParameter("mailbox", mailbox)
        .getResultList();
  }

  public void remove(String owner, String mailbox, String contentKey) {
    em.createQuery(
            "delete from StoredMessage m where m.owner = :owner and m.mailbox = :mailbox"
                + " and m.contentKey = :key")
        .setParameter("owner", owner)
        .setParameter("mailbox", mailbox)
        .setParameter("key", contentKey)
        .executeUpdate();
  }

  /** The bytes an owner's messages take in all mailboxes: one aggregate query over the index. */
  public long usage(String owner) {
    Object sum =
        em.createQuery("select sum(m.size) from StoredMessage m where m.owner = :owner")
            .setParameter("owner", owner)
            .getSingleResult();
    return sum == null ? 0 : ((Number) sum).longValue();
  }

  public Set<String> allContentKeys() {
    return new HashSet<>(
        em.createQuery("select m.contentKey from StoredMessage m", String.class).getResultList());
  }

  public List<StoredMessage> all() {
    return em.createQuery("select m from StoredMessage m", StoredMessage.class).getResultList();
  }

  public void remove(StoredMessage message) {
    em.remove(em.contains(message) ? message : em.merge(message));
  }
}
