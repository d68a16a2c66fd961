package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import dev.yubin.ejb.mailbox.domain.mime.MimeStructureParser;
import dev.yubin.ejb.mailbox.domain.mime.ParsedMessage;
import dev.yubin.ejb.mailbox.domain.mime.SearchFields;
import dev.yubin.ejb.mailbox.domain.mime.StructureCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mailbox of one owner in memory, behind the {@link MailboxRepository} and {@link ContentFiles}
 * ports as far as searching needs them. Messages are parsed as the store parses them on delivery,
 * so their decoded fields and structures are the real ones. Counts the queries and file reads.
 */
final class FakeMailboxStore implements MailboxRepository, ContentFiles {

  static final String OWNER = "alice@example.test";
  static final long MAILBOX = 7;

  private final Mailbox mailbox = new Mailbox(OWNER, "INBOX", null, 1);
  private final List<IndexedMessage> messages = new ArrayList<>();
  private final Map<Long, byte[]> structures = new HashMap<>();
  private final Map<String, byte[]> files = new HashMap<>();
  int structureQueries;
  int fileReads;

  /** Adds a message under the next UID; {@code \r\n} is added where the text has bare LFs. */
  long add(String message, OffsetDateTime internalDate, Flags flags, long modseq) {
    return add(
        message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8),
        internalDate,
        flags,
        modseq);
  }

  long add(byte[] content, OffsetDateTime internalDate, Flags flags, long modseq) {
    long uid = messages.size() + 1;
    ParsedMessage parsed;
    try {
      parsed = new MimeStructureParser().parse(new ByteArrayInputStream(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SearchFields f = parsed.searchFields();
    String path = "blobs/00/" + uid;
    files.put(path, content);
    structures.put(uid, StructureCodec.encode(parsed.structure()));
    messages.add(
        new IndexedMessage(
            uid,
            uid,
            path,
            modseq,
            internalDate,
            content.length,
            flags,
            new IndexedMessage.Fields(
                f.subject(),
                f.from(),
                f.to(),
                f.cc(),
                f.bcc(),
                f.baseSubject(),
                f.sortFrom(),
                f.sortTo(),
                f.sortCc(),
                f.displayFrom(),
                f.displayTo(),
                f.date() == null ? null : f.date().atOffset(ZoneOffset.UTC),
                f.messageId(),
                f.inReplyTo(),
                String.join(" ", f.references()))));
    return uid;
  }

  /** A search over this store, dates in UTC. */
  MessageSearch search() {
    MessageSearch search = new MessageSearch();
    search.repository = this;
    search.files = this;
    search.zone = ZoneOffset.UTC;
    return search;
  }

  @Override
  public Mailbox find(long id) {
    return id == MAILBOX ? mailbox : null;
  }

  @Override
  public List<IndexedMessage> indexed(long mailboxId) {
    return mailboxId == MAILBOX ? List.copyOf(messages) : List.of();
  }

  @Override
  public Map<Long, byte[]> structures(Collection<Long> contentIds) {
    structureQueries++;
    Map<Long, byte[]> found = new HashMap<>();
    for (Long id : contentIds) {
      if (structures.containsKey(id)) {
        found.put(id, structures.get(id));
      }
    }
    return found;
  }

  @Override
  public InputStream open(String path, long offset, long length) {
    fileReads++;
    byte[] content = files.get(path);
    int start = (int) Math.min(offset, content.length);
    return new ByteArrayInputStream(content, start, (int) Math.min(length, content.length - start));
  }

  @Override
  public InputStream open(String path) {
    return open(path, 0, Long.MAX_VALUE);
  }

  // What searching never asks:

  @Override
  public Stored store(byte[] prefix, Path source, long offset) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean delete(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Mailbox find(String owner, String name) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Mailbox lock(long id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Mailbox> mailboxes(String owner) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void add(Mailbox mailbox) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void remove(Mailbox mailbox) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long nextUidValidity() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Set<String> subscriptions(String owner) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean subscribe(String owner, String name, boolean subscribe) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<MailboxMessage> messages(long mailboxId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<MailboxMessage> messages(long mailboxId, long[] uids) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<MessageState> changedSince(long mailboxId, long modseq) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long[] expungedSince(long mailboxId, long modseq) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MailboxMessage message(long mailboxId, long uid) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void add(MailboxMessage message) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void expunge(long mailboxId, Collection<MailboxMessage> messages, long modseq) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void add(MessageContent content) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MessageContent content(long id) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<MessageContent> unreferenced(Collection<Long> contentIds) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<MessageContent> deleting() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void remove(MessageContent content) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long[] counts(long mailboxId, long firstRecentUid) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long[] usage(String owner) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ContentPath> contentPaths(long afterId, int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Set<String> knownPaths(Collection<String> paths) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean exists(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<String> scan() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setAside(String path) {
    throw new UnsupportedOperationException();
  }
}
