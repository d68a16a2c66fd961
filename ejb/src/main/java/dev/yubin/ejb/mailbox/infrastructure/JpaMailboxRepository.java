package dev.yubin.ejb.mailbox.infrastructure;

import dev.yubin.ejb.mailbox.application.IndexedMessage;
import dev.yubin.ejb.mailbox.application.MailboxRepository;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxExpunge;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import dev.yubin.ejb.mailbox.domain.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mailbox store's rows through JPA (EclipseLink); portable JPQL, no vendor SQL. */
@ApplicationScoped
public class JpaMailboxRepository implements MailboxRepository {

  /** Larger UID lists are read as one range and filtered, not bound as parameters. */
  private static final int MAX_IN_LIST = 500;

  @PersistenceContext(unitName = "yubin")
  EntityManager em;

  @Override
  public Mailbox find(String owner, String name) {
    List<Mailbox> found =
        em.createQuery(
                "select m from Mailbox m where m.owner = :owner and m.name = :name", Mailbox.class)
            .setParameter("owner", owner)
            .setParameter("name", name)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public Mailbox find(long id) {
    return em.find(Mailbox.class, id);
  }

  @Override
  public Mailbox lock(long id) {
    Mailbox mailbox = em.find(Mailbox.class, id);
    if (mailbox != null) {
      // Re-read under the row lock: counters read before the lock may be stale.
      em.refresh(mailbox, LockModeType.PESSIMISTIC_WRITE);
    }
    return mailbox;
  }

  @Override
  public List<Mailbox> mailboxes(String owner) {
    return em.createQuery(
            "select m from Mailbox m where m.owner = :owner order by m.name", Mailbox.class)
        .setParameter("owner", owner)
        .getResultList();
  }

  @Override
  public void add(Mailbox mailbox) {
    em.persist(mailbox);
  }

  @Override
  public void remove(Mailbox mailbox) {
    em.createQuery("delete from MailboxExpunge e where e.mailboxId = :id")
        .setParameter("id", mailbox.getId())
        .executeUpdate();
    em.remove(mailbox);
  }

  @Override
  public long nextUidValidity() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT name, counter FROM store_counter WHERE name = 'uid_validity' FOR UPDATE")
                .getSingleResult();
    long last = ((Number) row[1]).longValue();
    long next = Math.max(last + 1, System.currentTimeMillis() / 1000);
    if (next > 0xFFFFFFFFL) {
      throw new IllegalStateException("UIDVALIDITY space exhausted");
    }
    em.createNativeQuery("UPDATE store_counter SET counter = ? WHERE name = 'uid_validity'")
        .setParameter(1, next)
        .executeUpdate();
    return next;
  }

  @Override
  public Set<String> subscriptions(String owner) {
    return new LinkedHashSet<>(
        em.createQuery(
                "select s.name from Subscription s where s.owner = :owner order by s.name",
                String.class)
            .setParameter("owner", owner)
            .getResultList());
  }

  @Override
  public boolean subscribe(String owner, String name, boolean subscribe) {
    Subscription existing = em.find(Subscription.class, new Subscription.Key(owner, name));
    if (subscribe && existing == null) {
      em.persist(new Subscription(owner, name));
      return true;
    }
    if (!subscribe && existing != null) {
      em.remove(existing);
      return true;
    }
    return false;
  }

  @Override
  public List<MailboxMessage> messages(long mailboxId) {
    return em.createQuery(
            "select m from MailboxMessage m where m.mailboxId = :id order by m.uid",
            MailboxMessage.class)
        .setParameter("id", mailboxId)
        .getResultList();
  }

  @Override
  public List<MailboxMessage> messages(long mailboxId, long[] uids) {
    if (uids.length == 0) {
      return List.of();
    }
    if (uids.length <= MAX_IN_LIST) {
      List<Long> list = new ArrayList<>(uids.length);
      for (long uid : uids) {
        list.add(uid);
      }
      return em.createQuery(
              "select m from MailboxMessage m where m.mailboxId = :id and m.uid in :uids"
                  + " order by m.uid",
              MailboxMessage.class)
          .setParameter("id", mailboxId)
          .setParameter("uids", list)
          .getResultList();
    }
    long[] sorted = uids.clone();
    Arrays.sort(sorted);
    List<MailboxMessage> range =
        em.createQuery(
                "select m from MailboxMessage m where m.mailboxId = :id"
                    + " and m.uid between :first and :last order by m.uid",
                MailboxMessage.class)
            .setParameter("id", mailboxId)
            .setParameter("first", sorted[0])
            .setParameter("last", sorted[sorted.length - 1])
            .getResultList();
    List<MailboxMessage> wanted = new ArrayList<>(Math.min(range.size(), uids.length));
    for (MailboxMessage message : range) {
      if (Arrays.binarySearch(sorted, message.getUid()) >= 0) {
        wanted.add(message);
      }
    }
    return wanted;
  }

  @Override
  public List<IndexedMessage> indexed(long mailboxId) {
    List<?> rows =
        em.createQuery(
                "select m, c.path, c.subject, c.fromText, c.toText, c.ccText, c.bccText,"
                    + " c.baseSubject, c.sortFrom, c.sortTo, c.sortCc, c.displayFrom,"
                    + " c.displayTo, c.sentAt, c.messageId, c.inReplyTo, c.referencesIds,"
                    + " c.sentOffset"
                    + " from MailboxMessage m, MessageContent c"
                    + " where m.mailboxId = :id and c.id = m.contentId order by m.uid")
            .setParameter("id", mailboxId)
            .getResultList();
    List<IndexedMessage> messages = new ArrayList<>(rows.size());
    for (Object result : rows) {
      Object[] row = (Object[]) result;
      MailboxMessage m = (MailboxMessage) row[0];
      messages.add(
          new IndexedMessage(
              m.getUid(),
              m.getContentId(),
              (String) row[1],
              m.getModseq(),
              m.getInternalDate(),
              m.getSize(),
              m.getFlags(),
              new IndexedMessage.Fields(
                  (String) row[2],
                  (String) row[3],
                  (String) row[4],
                  (String) row[5],
                  (String) row[6],
                  (String) row[7],
                  (String) row[8],
                  (String) row[9],
                  (String) row[10],
                  (String) row[11],
                  (String) row[12],
                  MessageContent.sentAt((OffsetDateTime) row[13], (Integer) row[17]),
                  (String) row[14],
                  (String) row[15],
                  (String) row[16])));
    }
    return messages;
  }

  @Override
  public Map<Long, byte[]> structures(Collection<Long> contentIds) {
    Map<Long, byte[]> structures = new HashMap<>();
    List<Long> ids = List.copyOf(contentIds);
    for (int from = 0; from < ids.size(); from += MAX_IN_LIST) {
      List<?> rows =
          em.createQuery(
                  "select c.id, c.structure from MessageContent c"
                      + " where c.id in :ids and c.structure is not null")
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + MAX_IN_LIST)))
              .getResultList();
      for (Object result : rows) {
        Object[] row = (Object[]) result;
        structures.put(((Number) row[0]).longValue(), (byte[]) row[1]);
      }
    }
    return structures;
  }

  @Override
  public List<MailboxMessage> changedSince(long mailboxId, long modseq) {
    return em.createQuery(
            "select m from MailboxMessage m where m.mailboxId = :id and m.modseq > :modseq"
                + " order by m.uid",
            MailboxMessage.class)
        .setParameter("id", mailboxId)
        .setParameter("modseq", modseq)
        .getResultList();
  }

  @Override
  public long[] expungedSince(long mailboxId, long modseq) {
    return em
        .createQuery(
            "select e.uid from MailboxExpunge e where e.mailboxId = :id and e.modseq > :modseq"
                + " order by e.uid",
            Long.class)
        .setParameter("id", mailboxId)
        .setParameter("modseq", modseq)
        .getResultList()
        .stream()
        .mapToLong(Long::longValue)
        .toArray();
  }

  @Override
  public MailboxMessage message(long mailboxId, long uid) {
    return em.find(MailboxMessage.class, new MailboxMessage.Key(mailboxId, uid));
  }

  @Override
  public void add(MailboxMessage message) {
    em.persist(message);
  }

  @Override
  public void expunge(long mailboxId, Collection<MailboxMessage> messages, long modseq) {
    for (MailboxMessage message : messages) {
      em.remove(message);
      em.persist(new MailboxExpunge(mailboxId, message.getUid(), modseq));
    }
  }

  @Override
  public void add(MessageContent content) {
    em.persist(content);
    // Placements name their content by id, not by a mapping, so EclipseLink would not know to
    // insert this row before theirs at commit (the foreign key would refuse them): written now.
    em.flush();
  }

  @Override
  public MessageContent content(long id) {
    return em.find(MessageContent.class, id);
  }

  @Override
  public List<MessageContent> unreferenced(Collection<Long> contentIds) {
    return em.createQuery(
            "select c from MessageContent c where c.id in :ids and not exists"
                + " (select m.uid from MailboxMessage m where m.contentId = c.id)",
            MessageContent.class)
        .setParameter("ids", List.copyOf(contentIds))
        .getResultList();
  }

  @Override
  public List<MessageContent> deleting() {
    return em.createQuery(
            "select c from MessageContent c where c.state = :state", MessageContent.class)
        .setParameter("state", MessageContent.DELETING)
        .getResultList();
  }

  @Override
  public void remove(MessageContent content) {
    em.remove(content);
  }

  @Override
  public long[] counts(long mailboxId, long firstRecentUid) {
    // Grouped by the flags rather than compared with them: EclipseLink on H2 inlines the values of
    // a query with CASE, writing booleans as 0 and 1, which H2 2 will not compare with a BOOLEAN.
    List<?> rows =
        em.createQuery(
                "select m.seen, m.deleted, count(m), sum(m.size),"
                    + " sum(case when m.uid >= :recent then 1 else 0 end)"
                    + " from MailboxMessage m where m.mailboxId = :id group by m.seen, m.deleted")
            .setParameter("id", mailboxId)
            .setParameter("recent", firstRecentUid)
            .getResultList();
    long[] counts = new long[5];
    for (Object result : rows) {
      Object[] row = (Object[]) result;
      long messages = number(row[2]);
      counts[0] += messages;
      counts[1] += isTrue(row[0]) ? 0 : messages;
      counts[2] += isTrue(row[1]) ? messages : 0;
      counts[3] += number(row[3]);
      counts[4] += number(row[4]);
    }
    return counts;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static boolean isTrue(Object value) {
    return value instanceof Boolean flag ? flag : number(value) != 0;
  }

  @Override
  public long[] usage(String owner) {
    Object[] row =
        (Object[])
            em.createQuery(
                    "select sum(m.size), count(m) from MailboxMessage m, Mailbox b"
                        + " where m.mailboxId = b.id and b.owner = :owner")
                .setParameter("owner", owner)
                .getSingleResult();
    return new long[] {
      row[0] == null ? 0 : ((Number) row[0]).longValue(),
      row[1] == null ? 0 : ((Number) row[1]).longValue()
    };
  }

  @Override
  public List<ContentPath> contentPaths(long afterId, int limit) {
    return em
        .createQuery(
            "select c.id, c.path from MessageContent c where c.id > :after and c.state = :live"
                + " order by c.id",
            Object[].class)
        .setParameter("after", afterId)
        .setParameter("live", MessageContent.LIVE)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> new ContentPath(((Number) row[0]).longValue(), (String) row[1]))
        .toList();
  }

  @Override
  public Set<String> knownPaths(Collection<String> paths) {
    if (paths.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery("select c.path from MessageContent c where c.path in :paths", String.class)
            .setParameter("paths", List.copyOf(paths))
            .getResultList());
  }
}
