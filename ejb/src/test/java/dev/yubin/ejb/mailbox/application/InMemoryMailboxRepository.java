package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The mailbox store's rows in memory, for unit tests of the application services. */
class InMemoryMailboxRepository implements MailboxRepository {

  private final Map<Long, Mailbox> mailboxes = new LinkedHashMap<>();
  private final Map<Long, TreeMap<Long, MailboxMessage>> messages = new HashMap<>();
  private final Map<Long, Map<Long, Long>> expunged = new HashMap<>();
  private final Map<Long, MessageContent> contents = new TreeMap<>();
  private final Map<String, Set<String>> subscriptions = new HashMap<>();
  private long nextId = 1;
  final List<Integer> knownPathQueries = new ArrayList<>();
  private long uidValidity = 1000;

  @Override
  public Mailbox find(String owner, String name) {
    return mailboxes.values().stream()
        .filter(m -> m.getOwner().equals(owner) && m.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  @Override
  public Mailbox find(long id) {
    return mailboxes.get(id);
  }

  @Override
  public Mailbox lock(long id) {
    return mailboxes.get(id);
  }

  @Override
  public List<Mailbox> mailboxes(String owner) {
    return mailboxes.values().stream()
        .filter(m -> m.getOwner().equals(owner))
        .sorted(Comparator.comparing(Mailbox::getName))
        .toList();
  }

  @Override
  public void add(Mailbox mailbox) {
    long id = nextId++;
    setId(mailbox, id);
    mailboxes.put(id, mailbox);
    messages.put(id, new TreeMap<>());
  }

  @Override
  public void remove(Mailbox mailbox) {
    mailboxes.remove(mailbox.getId());
    messages.remove(mailbox.getId());
    expunged.remove(mailbox.getId());
  }

  @Override
  public long nextUidValidity() {
    return ++uidValidity;
  }

  @Override
  public Set<String> subscriptions(String owner) {
    return new TreeSet<>(subscriptions.getOrDefault(owner, Set.of()));
  }

  @Override
  public boolean subscribe(String owner, String name, boolean subscribe) {
    Set<String> names = subscriptions.computeIfAbsent(owner, o -> new HashSet<>());
    return subscribe ? names.add(name) : names.remove(name);
  }

  @Override
  public List<MailboxMessage> messages(long mailboxId) {
    return new ArrayList<>(messages.getOrDefault(mailboxId, new TreeMap<>()).values());
  }

  @Override
  public List<MailboxMessage> messages(long mailboxId, long[] uids) {
    Set<Long> wanted = new HashSet<>();
    for (long uid : uids) {
      wanted.add(uid);
    }
    return messages(mailboxId).stream().filter(m -> wanted.contains(m.getUid())).toList();
  }

  @Override
  public List<MailboxMessage> changedSince(long mailboxId, long modseq) {
    return messages(mailboxId).stream().filter(m -> m.getModseq() > modseq).toList();
  }

  @Override
  public long[] expungedSince(long mailboxId, long modseq) {
    return expunged.getOrDefault(mailboxId, Map.of()).entrySet().stream()
        .filter(e -> e.getValue() > modseq)
        .mapToLong(Map.Entry::getKey)
        .sorted()
        .toArray();
  }

  @Override
  public MailboxMessage message(long mailboxId, long uid) {
    return messages.getOrDefault(mailboxId, new TreeMap<>()).get(uid);
  }

  @Override
  public void add(MailboxMessage message) {
    messages.get(message.getMailboxId()).put(message.getUid(), message);
  }

  @Override
  public void expunge(long mailboxId, Collection<MailboxMessage> removed, long modseq) {
    for (MailboxMessage message : removed) {
      messages.get(mailboxId).remove(message.getUid());
      expunged.computeIfAbsent(mailboxId, id -> new HashMap<>()).put(message.getUid(), modseq);
    }
  }

  @Override
  public void add(MessageContent content) {
    long id = nextId++;
    setId(content, id);
    contents.put(id, content);
  }

  @Override
  public MessageContent content(long id) {
    return contents.get(id);
  }

  @Override
  public List<MessageContent> unreferenced(Collection<Long> contentIds) {
    Set<Long> referenced = new HashSet<>();
    messages.values().forEach(m -> m.values().forEach(p -> referenced.add(p.getContentId())));
    return contentIds.stream()
        .filter(id -> !referenced.contains(id))
        .map(contents::get)
        .filter(c -> c != null)
        .toList();
  }

  @Override
  public List<MessageContent> deleting() {
    return contents.values().stream().filter(c -> c.getState() == MessageContent.DELETING).toList();
  }

  @Override
  public void remove(MessageContent content) {
    contents.remove(content.getId());
  }

  @Override
  public List<ContentPath> contentPaths(long afterId, int limit) {
    return contents.values().stream()
        .filter(c -> c.getId() > afterId && c.getState() == MessageContent.LIVE)
        .limit(limit)
        .map(c -> new ContentPath(c.getId(), c.getPath()))
        .toList();
  }

  @Override
  public Set<String> knownPaths(Collection<String> paths) {
    knownPathQueries.add(paths.size());
    Set<String> known = new HashSet<>();
    contents.values().forEach(c -> known.add(c.getPath()));
    known.retainAll(paths);
    return known;
  }

  @Override
  public long[] counts(long mailboxId, long firstRecentUid) {
    List<MailboxMessage> all = messages(mailboxId);
    return new long[] {
      all.size(),
      all.stream().filter(m -> !m.getFlags().has(SystemFlag.SEEN)).count(),
      all.stream().filter(m -> m.getFlags().has(SystemFlag.DELETED)).count(),
      all.stream().mapToLong(MailboxMessage::getSize).sum(),
      all.stream().filter(m -> m.getUid() >= firstRecentUid).count()
    };
  }

  @Override
  public long[] usage(String owner) {
    List<MailboxMessage> all =
        mailboxes(owner).stream().flatMap(m -> messages(m.getId()).stream()).toList();
    return new long[] {all.stream().mapToLong(MailboxMessage::getSize).sum(), all.size()};
  }

  // For tests.

  /** Every content row, by id. */
  List<MessageContent> contents() {
    return List.copyOf(contents.values());
  }

  /** Stores a content row and places it in a mailbox under the next UID, as delivery does. */
  MailboxMessage place(long mailboxId, MessageContent content, Flags flags) {
    add(content);
    Mailbox mailbox = lock(mailboxId);
    long uid = mailbox.allocateUids(1);
    MailboxMessage message =
        new MailboxMessage(
            mailboxId,
            uid,
            content.getId(),
            mailbox.nextModseq(),
            content.getCreatedAt(),
            content.getSize(),
            flags,
            content.getContentKey());
    add(message);
    return message;
  }

  private static void setId(Object entity, long id) {
    try {
      Field field = entity.getClass().getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<IndexedMessage> indexed(long mailboxId) {
    throw new UnsupportedOperationException("searching has its own index: FakeMailboxStore");
  }

  @Override
  public Map<Long, byte[]> structures(Collection<Long> contentIds) {
    throw new UnsupportedOperationException("searching has its own index: FakeMailboxStore");
  }
}
