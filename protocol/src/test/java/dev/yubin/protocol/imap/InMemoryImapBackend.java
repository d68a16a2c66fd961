package dev.yubin.protocol.imap;

import dev.yubin.protocol.imap.backend.AppendOutcome;
import dev.yubin.protocol.imap.backend.CopyOutcome;
import dev.yubin.protocol.imap.backend.Envelope;
import dev.yubin.protocol.imap.backend.ImapBackend;
import dev.yubin.protocol.imap.backend.MailboxChanges;
import dev.yubin.protocol.imap.backend.MailboxEntry;
import dev.yubin.protocol.imap.backend.MailboxOutcome;
import dev.yubin.protocol.imap.backend.MailboxStatus;
import dev.yubin.protocol.imap.backend.MessageData;
import dev.yubin.protocol.imap.backend.MessageFlags;
import dev.yubin.protocol.imap.backend.MimePart;
import dev.yubin.protocol.imap.backend.Quota;
import dev.yubin.protocol.imap.backend.SearchKey;
import dev.yubin.protocol.imap.backend.SelectedState;
import dev.yubin.protocol.imap.backend.SortKey;
import dev.yubin.protocol.imap.backend.StoreMode;
import dev.yubin.protocol.imap.backend.StoreOutcome;
import dev.yubin.protocol.imap.backend.ThreadAlgorithm;
import dev.yubin.protocol.imap.backend.ThreadNode;
import dev.yubin.protocol.imap.wire.LiteralSink;
import dev.yubin.protocol.sasl.AuthResult;
import dev.yubin.protocol.sasl.ScramCredentials;
import dev.yubin.protocol.sasl.TestSasl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link ImapBackend} in memory, for the engine's tests: one user per backend, mailboxes with
 * UIDs, flags, MODSEQs and an expunge log, and watchers told of every change. MIME structure is
 * simplistic: every message is one text/plain part whose envelope has Subject and From.
 */
public final class InMemoryImapBackend implements ImapBackend {

  /** The salt of the user's SCRAM-SHA-256 verifier. */
  static final byte[] SALT = "imap-test-salt!!".getBytes(StandardCharsets.US_ASCII);

  static final OffsetDateTime DATE = OffsetDateTime.of(2026, 12, 5, 9, 30, 0, 0, ZoneOffset.UTC);

  private static final class Message {
    final long uid;
    final byte[] content;
    final OffsetDateTime date;
    Set<String> flags;
    long modseq;

    Message(long uid, byte[] content, OffsetDateTime date, Set<String> flags, long modseq) {
      this.uid = uid;
      this.content = content;
      this.date = date;
      this.flags = new TreeSet<>(flags);
      this.modseq = modseq;
    }
  }

  private static final class Mailbox {
    final long id;
    final long uidValidity;
    final Set<String> specialUse;
    long uidNext = 1;
    long highestModseq = 1;
    long firstRecent = 1;
    final TreeMap<Long, Message> messages = new TreeMap<>();
    final TreeMap<Long, Long> expunged = new TreeMap<>(); // uid -> modseq
    final List<Runnable> watchers = new CopyOnWriteArrayList<>();

    Mailbox(long id, Set<String> specialUse) {
      this.id = id;
      this.uidValidity = 1000 + id;
      this.specialUse = specialUse;
    }
  }

  private final String user;
  private final String password;
  private final Map<String, Mailbox> mailboxes = new TreeMap<>();
  private final Set<String> subscriptions = new TreeSet<>();
  private long nextMailboxId = 1;

  public InMemoryImapBackend(String user, String password) {
    this.user = user;
    this.password = password;
    mailboxes.put("INBOX", new Mailbox(nextMailboxId++, Set.of()));
    for (String special : List.of("Drafts", "Sent", "Trash")) {
      mailboxes.put(special, new Mailbox(nextMailboxId++, Set.of("\\" + special)));
      subscriptions.add(special);
    }
    subscriptions.add("INBOX");
  }

  /** User alice, password secret, with two messages in INBOX (the second \Seen). */
  public static InMemoryImapBackend standard() {
    InMemoryImapBackend backend = new InMemoryImapBackend("alice", "secret");
    backend.deliver("INBOX", "Subject: first\r\nFrom: bob@example.test\r\n\r\nHello\r\n", Set.of());
    backend.deliver(
        "INBOX",
        "Subject: second\r\nFrom: carol@example.test\r\n\r\nHi again\r\n",
        Set.of("\\Seen"));
    return backend;
  }

  /** Adds a message as delivery would (another session's change). */
  public synchronized long deliver(String mailbox, String content, Set<String> flags) {
    Mailbox box = mailboxes.get(mailbox);
    long modseq = ++box.highestModseq;
    long uid = box.uidNext++;
    box.messages.put(
        uid, new Message(uid, content.getBytes(StandardCharsets.UTF_8), DATE, flags, modseq));
    notify(box);
    return uid;
  }

  /** Sets flags as another session would. */
  public synchronized void setFlags(String mailbox, long uid, Set<String> flags) {
    Mailbox box = mailboxes.get(mailbox);
    Message message = box.messages.get(uid);
    message.flags = new TreeSet<>(flags);
    message.modseq = ++box.highestModseq;
    notify(box);
  }

  /** Expunges as another session would. */
  public synchronized void expungeElsewhere(String mailbox, long uid) {
    Mailbox box = mailboxes.get(mailbox);
    box.messages.remove(uid);
    box.expunged.put(uid, ++box.highestModseq);
    notify(box);
  }

  private static void notify(Mailbox box) {
    box.watchers.forEach(Runnable::run);
  }

  @Override
  public AuthResult authenticate(
      String clientAddress, String authorizationId, String user, String password) {
    boolean ok =
        this.user.equalsIgnoreCase(user)
            && this.password.equals(password)
            && (authorizationId == null
                || authorizationId.isEmpty()
                || authorizationId.equals(user));
    return ok ? AuthResult.accepted(this.user) : AuthResult.rejected();
  }

  @Override
  public ScramCredentials scramCredentials(String clientAddress, String user) {
    return this.user.equalsIgnoreCase(user) ? TestSasl.scramCredentials(password, SALT) : null;
  }

  @Override
  public synchronized List<MailboxEntry> mailboxes(String principal) {
    List<MailboxEntry> entries = new ArrayList<>();
    mailboxes.forEach(
        (name, box) ->
            entries.add(new MailboxEntry(name, box.specialUse, subscriptions.contains(name))));
    return entries;
  }

  @Override
  public synchronized Set<String> subscriptions(String principal) {
    return new TreeSet<>(subscriptions);
  }

  @Override
  public synchronized MailboxOutcome create(String principal, String name, Set<String> specialUse) {
    if (mailboxes.containsKey(name)) {
      return MailboxOutcome.ALREADY_EXISTS;
    }
    for (String use : specialUse) {
      if (!Set.of("\\Archive", "\\Drafts", "\\Junk", "\\Sent", "\\Trash").contains(use)) {
        return MailboxOutcome.BAD_SPECIAL_USE;
      }
    }
    int slash = -1;
    while ((slash = name.indexOf('/', slash + 1)) > 0) {
      mailboxes.computeIfAbsent(
          name.substring(0, slash), n -> new Mailbox(nextMailboxId++, Set.of()));
    }
    mailboxes.put(name, new Mailbox(nextMailboxId++, specialUse));
    return MailboxOutcome.OK;
  }

  @Override
  public synchronized MailboxOutcome delete(String principal, String name) {
    if (!mailboxes.containsKey(name)) {
      return MailboxOutcome.NONEXISTENT;
    }
    if (mailboxes.keySet().stream().anyMatch(n -> n.startsWith(name + "/"))) {
      return MailboxOutcome.NOT_ALLOWED;
    }
    mailboxes.remove(name);
    return MailboxOutcome.OK;
  }

  @Override
  public synchronized MailboxOutcome rename(String principal, String from, String to) {
    if (!mailboxes.containsKey(from)) {
      return MailboxOutcome.NONEXISTENT;
    }
    if (mailboxes.containsKey(to)) {
      return MailboxOutcome.ALREADY_EXISTS;
    }
    for (String name : new ArrayList<>(mailboxes.keySet())) {
      if (name.equals(from) || name.startsWith(from + "/")) {
        mailboxes.put(to + name.substring(from.length()), mailboxes.remove(name));
      }
    }
    if (from.equals("INBOX")) {
      mailboxes.put("INBOX", new Mailbox(nextMailboxId++, Set.of()));
    }
    return MailboxOutcome.OK;
  }

  @Override
  public synchronized MailboxOutcome subscribe(String principal, String name, boolean subscribe) {
    if (subscribe) {
      subscriptions.add(name);
    } else if (!subscriptions.remove(name)) {
      return MailboxOutcome.NONEXISTENT;
    }
    return MailboxOutcome.OK;
  }

  @Override
  public synchronized MailboxStatus status(String principal, String name) {
    Mailbox box = mailboxes.get(name);
    if (box == null) {
      return null;
    }
    long unseen = box.messages.values().stream().filter(m -> !m.flags.contains("\\Seen")).count();
    long deleted =
        box.messages.values().stream().filter(m -> m.flags.contains("\\Deleted")).count();
    long size = box.messages.values().stream().mapToLong(m -> m.content.length).sum();
    long recent = box.messages.tailMap(box.firstRecent).size();
    return new MailboxStatus(
        box.messages.size(),
        recent,
        box.uidNext,
        box.uidValidity,
        unseen,
        box.highestModseq,
        deleted,
        size);
  }

  @Override
  public synchronized SelectedState select(String principal, String name, boolean readWrite) {
    Mailbox box = mailboxes.get(name);
    if (box == null) {
      return null;
    }
    long[] uids = box.messages.keySet().stream().mapToLong(Long::longValue).toArray();
    long[] recent = new long[0];
    if (readWrite) {
      recent =
          box.messages.tailMap(box.firstRecent).keySet().stream()
              .mapToLong(Long::longValue)
              .toArray();
      box.firstRecent = box.uidNext;
    }
    long firstUnseen =
        box.messages.values().stream()
            .filter(m -> !m.flags.contains("\\Seen"))
            .mapToLong(m -> m.uid)
            .findFirst()
            .orElse(0);
    return new SelectedState(
        box.id,
        name,
        box.uidValidity,
        box.uidNext,
        box.highestModseq,
        uids,
        recent,
        firstUnseen,
        keywords(box),
        !readWrite);
  }

  private static List<String> keywords(Mailbox box) {
    Set<String> keywords = new TreeSet<>();
    box.messages
        .values()
        .forEach(m -> m.flags.stream().filter(f -> !f.startsWith("\\")).forEach(keywords::add));
    return List.copyOf(keywords);
  }

  private Mailbox byId(long id) {
    return mailboxes.values().stream().filter(b -> b.id == id).findFirst().orElse(null);
  }

  @Override
  public synchronized MailboxChanges changes(
      String principal, long mailboxId, long sinceModseq, boolean claimRecent) {
    Mailbox box = byId(mailboxId);
    if (box == null) {
      return null;
    }
    List<MessageFlags> changed = new ArrayList<>();
    List<Long> recent = new ArrayList<>();
    for (Message m : box.messages.values()) {
      if (m.modseq > sinceModseq) {
        changed.add(new MessageFlags(m.uid, m.flags, m.modseq));
        if (claimRecent && m.uid >= box.firstRecent) {
          recent.add(m.uid);
        }
      }
    }
    if (claimRecent) {
      box.firstRecent = box.uidNext;
    }
    long[] expunged =
        box.expunged.entrySet().stream()
            .filter(e -> e.getValue() > sinceModseq)
            .mapToLong(Map.Entry::getKey)
            .toArray();
    return new MailboxChanges(
        changed,
        expunged,
        recent.stream().mapToLong(Long::longValue).toArray(),
        keywords(box),
        box.highestModseq,
        box.uidNext);
  }

  @Override
  public AutoCloseable watch(String principal, long mailboxId, Runnable listener) {
    Mailbox box;
    synchronized (this) {
      box = byId(mailboxId);
    }
    box.watchers.add(listener);
    return () -> box.watchers.remove(listener);
  }

  @Override
  public synchronized List<MessageData> fetch(
      String principal, long mailboxId, long[] uids, boolean structure) {
    Mailbox box = byId(mailboxId);
    List<MessageData> data = new ArrayList<>();
    for (long uid : uids) {
      Message m = box.messages.get(uid);
      if (m != null) {
        data.add(
            new MessageData(
                uid,
                m.flags,
                m.modseq,
                m.date,
                m.content.length,
                structure ? structure(m.content) : null));
      }
    }
    return data;
  }

  /** One text/plain part; the envelope has Subject and From (as name-less addresses). */
  static MimePart structure(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    int blank = text.indexOf("\r\n\r\n");
    int bodyOffset = blank < 0 ? content.length : blank + 4;
    String header = blank < 0 ? text : text.substring(0, blank + 2);
    String subject = field(header, "Subject");
    String from = field(header, "From");
    List<Envelope.Address> fromList = null;
    if (from != null && from.contains("@")) {
      int at = from.indexOf('@');
      fromList =
          List.of(new Envelope.Address(null, null, from.substring(0, at), from.substring(at + 1)));
    }
    Envelope envelope =
        new Envelope(null, subject, fromList, null, null, null, null, null, null, null);
    long lines = text.substring(bodyOffset).chars().filter(c -> c == '\n').count();
    return new MimePart(
        "text",
        "plain",
        List.of("charset", "us-ascii"),
        null,
        null,
        field(header, "Content-Transfer-Encoding") == null
            ? "7BIT"
            : field(header, "Content-Transfer-Encoding"),
        null,
        null,
        List.of(),
        List.of(),
        null,
        0,
        bodyOffset,
        content.length,
        lines,
        List.of(),
        envelope,
        null);
  }

  private static String field(String header, String name) {
    for (String line : header.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return null;
  }

  @Override
  public synchronized InputStream content(
      String principal, long mailboxId, long uid, long offset, long length) {
    Message m = byId(mailboxId).messages.get(uid);
    if (m == null) {
      return null;
    }
    int from = (int) Math.min(offset, m.content.length);
    int n = (int) Math.min(length, m.content.length - from);
    return new ByteArrayInputStream(m.content, from, n);
  }

  @Override
  public synchronized StoreOutcome store(
      String principal,
      long mailboxId,
      long[] uids,
      StoreMode mode,
      Set<String> flags,
      long unchangedSince) {
    Mailbox box = byId(mailboxId);
    List<MessageFlags> updated = new ArrayList<>();
    List<Long> modified = new ArrayList<>();
    long modseq = box.highestModseq + 1;
    for (long uid : uids) {
      Message m = box.messages.get(uid);
      if (m == null) {
        continue;
      }
      if (unchangedSince >= 0 && m.modseq > unchangedSince) {
        modified.add(uid);
        continue;
      }
      Set<String> next = new TreeSet<>(mode == StoreMode.REPLACE ? Set.of() : m.flags);
      if (mode == StoreMode.REMOVE) {
        next.removeAll(flags);
      } else {
        next.addAll(flags);
      }
      if (!next.equals(m.flags)) {
        m.flags = next;
        m.modseq = modseq;
        box.highestModseq = modseq;
        updated.add(new MessageFlags(uid, next, modseq));
      }
    }
    if (!updated.isEmpty()) {
      notify(box);
    }
    return new StoreOutcome(
        updated, modified.stream().mapToLong(Long::longValue).toArray(), box.highestModseq);
  }

  @Override
  public synchronized long[] expunge(String principal, long mailboxId, long[] uids) {
    Mailbox box = byId(mailboxId);
    Set<Long> among = null;
    if (uids != null) {
      among = new TreeSet<>();
      for (long uid : uids) {
        among.add(uid);
      }
    }
    List<Long> removed = new ArrayList<>();
    for (Message m : new ArrayList<>(box.messages.values())) {
      if (m.flags.contains("\\Deleted") && (among == null || among.contains(m.uid))) {
        removed.add(m.uid);
      }
    }
    if (!removed.isEmpty()) {
      long modseq = ++box.highestModseq;
      for (long uid : removed) {
        box.messages.remove(uid);
        box.expunged.put(uid, modseq);
      }
      notify(box);
    }
    return removed.stream().mapToLong(Long::longValue).toArray();
  }

  @Override
  public synchronized CopyOutcome copy(
      String principal, long mailboxId, long[] uids, String target, boolean move) {
    Mailbox from = byId(mailboxId);
    Mailbox to = mailboxes.get(target);
    if (to == null) {
      return CopyOutcome.failed(CopyOutcome.Status.NO_TARGET);
    }
    List<Long> sources = new ArrayList<>();
    List<Long> targets = new ArrayList<>();
    long toModseq = ++to.highestModseq;
    for (long uid : uids) {
      Message m = from.messages.get(uid);
      if (m == null) {
        continue;
      }
      long newUid = to.uidNext++;
      to.messages.put(newUid, new Message(newUid, m.content, m.date, m.flags, toModseq));
      sources.add(uid);
      targets.add(newUid);
    }
    if (move && !sources.isEmpty()) {
      long modseq = ++from.highestModseq;
      for (long uid : sources) {
        from.messages.remove(uid);
        from.expunged.put(uid, modseq);
      }
      notify(from);
    }
    notify(to);
    return new CopyOutcome(
        CopyOutcome.Status.OK,
        to.uidValidity,
        sources.stream().mapToLong(Long::longValue).toArray(),
        targets.stream().mapToLong(Long::longValue).toArray());
  }

  @Override
  public LiteralSink newMessage(String principal) {
    return new MemorySink();
  }

  /** A sink that keeps the literal in memory. */
  static final class MemorySink implements LiteralSink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(byte[] data, int offset, int length) {
      bytes.write(data, offset, length);
    }

    @Override
    public void discard() {
      bytes.reset();
    }
  }

  @Override
  public synchronized AppendOutcome append(
      String principal,
      String mailbox,
      Set<String> flags,
      OffsetDateTime internalDate,
      LiteralSink content) {
    Mailbox box = mailboxes.get(mailbox);
    if (box == null) {
      return AppendOutcome.failed(AppendOutcome.Status.NO_MAILBOX);
    }
    byte[] bytes = ((MemorySink) content).bytes.toByteArray();
    long uid = box.uidNext++;
    long modseq = ++box.highestModseq;
    box.messages.put(
        uid,
        new Message(
            uid,
            bytes,
            internalDate == null ? DATE : internalDate,
            new LinkedHashSet<>(flags),
            modseq));
    notify(box);
    return new AppendOutcome(AppendOutcome.Status.OK, box.uidValidity, uid);
  }

  @Override
  public synchronized long[] search(String principal, long mailboxId, SearchKey criteria) {
    return InMemorySearch.search(candidates(mailboxId), criteria);
  }

  @Override
  public synchronized long[] sort(
      String principal, long mailboxId, List<SortKey> order, SearchKey criteria) {
    return InMemorySearch.sort(candidates(mailboxId), order, criteria);
  }

  @Override
  public synchronized List<ThreadNode> thread(
      String principal, long mailboxId, ThreadAlgorithm algorithm, SearchKey criteria) {
    return InMemorySearch.thread(candidates(mailboxId), algorithm, criteria);
  }

  private List<InMemorySearch.Candidate> candidates(long mailboxId) {
    return byId(mailboxId).messages.values().stream()
        .map(m -> new InMemorySearch.Candidate(m.uid, m.content, m.date, m.flags, m.modseq))
        .toList();
  }

  @Override
  public synchronized Quota quota(String principal) {
    long usage = 0;
    long count = 0;
    for (Mailbox box : mailboxes.values()) {
      for (Message m : box.messages.values()) {
        usage += m.content.length;
        count++;
      }
    }
    return new Quota(usage, 10 * 1024, count);
  }
}
