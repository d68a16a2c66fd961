package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.mime.MimeStructureParser;
import dev.yubin.ejb.mailbox.domain.mime.ParsedMessage;
import dev.yubin.ejb.mailbox.domain.mime.SearchFields;
import dev.yubin.ejb.mailbox.domain.mime.StructureCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory rows and files with one mailbox of one owner and the search index of its messages,
 * parsed as the store parses them on delivery, so their decoded fields and structures are the real
 * ones. Counts the structure queries and file reads.
 */
final class FakeMailboxStore extends InMemoryMailboxRepository {

  static final String OWNER = "alice@example.test";
  static final long MAILBOX = 1;

  final FakeContentFiles files = new FakeContentFiles();
  private final List<IndexedMessage> messages = new ArrayList<>();
  private final Map<Long, byte[]> structures = new HashMap<>();
  int structureQueries;

  FakeMailboxStore() {
    add(new Mailbox(OWNER, "INBOX", null, 1));
  }

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
                f.date(),
                f.messageId(),
                f.inReplyTo(),
                String.join(" ", f.references()))));
    return uid;
  }

  /** A search over this store, dates in UTC. */
  MessageSearch search() {
    MessageSearch search = new MessageSearch();
    search.repository = this;
    search.files = files;
    search.zone = ZoneOffset.UTC;
    return search;
  }

  int fileReads() {
    return files.reads;
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
}
