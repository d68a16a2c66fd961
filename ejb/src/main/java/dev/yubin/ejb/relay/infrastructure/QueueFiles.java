package dev.yubin.ejb.relay.infrastructure;

import dev.yubin.ejb.platform.infrastructure.store.ContentKey;
import dev.yubin.ejb.platform.infrastructure.store.DirectorySync;
import dev.yubin.ejb.platform.infrastructure.store.OwnerOnly;
import dev.yubin.ejb.relay.application.QueueStore;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.domain.RecipientState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The outbound queue on disk, under {@code <data dir>/queue/}: per message a content file {@code
 * <id>} and an envelope file {@code <id>.envelope} (a properties file with the sender, the DSN
 * parameters and every recipient's state). Both are written to a temporary name, forced to disk and
 * renamed, the content first: an entry exists once its envelope does, and only then is the message
 * acknowledged. Every state change rewrites the envelope the same way, so after a crash a delivered
 * recipient is not sent again (at worst the one attempt in flight is repeated).
 *
 * <p>An envelope that cannot be read (edited by hand, written by a broken tool) is moved, with its
 * content, to {@code <data dir>/queue/quarantine/} and logged, as Postfix moves a damaged queue
 * file to its {@code corrupt} folder: the rest of the queue goes on.
 */
public final class QueueFiles implements QueueStore {

  private static final Logger LOG = Logger.getLogger(QueueFiles.class.getName());
  private static final String ENVELOPE = ".envelope";
  private static final String QUARANTINE = "quarantine";
  private static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(10);

  private final Path folder;
  private final DirectorySync sync = DirectorySync.FSYNC;

  public QueueFiles(Path dataDirectory) {
    this.folder = dataDirectory.resolve("queue");
    try {
      sync.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the queue in " + dataDirectory, e);
    }
  }

  /** Queues a message: {@code header}, then {@code body} from {@code bodyOffset}; durable. */
  @Override
  public void create(QueueEntry entry, byte[] header, Path body, long bodyOffset)
      throws IOException {
    Path content = file(entry.id());
    Path temporary = folder.resolve("." + entry.id() + ".tmp");
    try (FileChannel channel = OwnerOnly.newFile(temporary)) {
      OutputStream out = Channels.newOutputStream(channel);
      out.write(header);
      try (InputStream in = Files.newInputStream(body)) {
        in.skipNBytes(bodyOffset);
        in.transferTo(out);
      }
      out.flush();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(temporary, content, StandardCopyOption.ATOMIC_MOVE);
    save(entry);
  }

  /**
   * Writes an entry's envelope durably, replacing the previous one. Each call writes a temporary
   * file of its own, so two saves never mix (the last rename wins whole).
   */
  @Override
  public void save(QueueEntry entry) throws IOException {
    Path temporary = folder.resolve("." + entry.id() + ENVELOPE + "." + ContentKey.next() + ".tmp");
    try (FileChannel channel = OwnerOnly.newFile(temporary)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      toProperties(entry).store(bytes, "Yubin queue entry");
      Channels.newOutputStream(channel).write(bytes.toByteArray());
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(temporary, envelope(entry.id()), StandardCopyOption.ATOMIC_MOVE);
    forceFolder();
  }

  /**
   * The entry, if it is queued; empty when it is not, or when its envelope cannot be read (then it
   * is quarantined).
   */
  @Override
  public Optional<QueueEntry> load(String id) throws IOException {
    if (!ContentKey.isValid(id)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(envelope(id));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      Properties p = new Properties();
      p.load(new ByteArrayInputStream(bytes));
      QueueEntry entry = fromProperties(p);
      if (!entry.id().equals(id)) {
        throw new IllegalArgumentException("it names another entry, " + entry.id());
      }
      return Optional.of(entry);
    } catch (RuntimeException e) {
      quarantine(id, e);
      return Optional.empty();
    }
  }

  /** Where unreadable entries go. */
  public Path quarantineFolder() {
    return folder.resolve(QUARANTINE);
  }

  /** Moves an unreadable entry (envelope and content) out of the queue, for an operator. */
  private void quarantine(String id, RuntimeException problem) {
    Path to = quarantineFolder();
    try {
      sync.createDirectories(to);
      if (Files.exists(file(id))) {
        Files.move(file(id), to.resolve(id), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(envelope(id), to.resolve(id + ENVELOPE), StandardCopyOption.REPLACE_EXISTING);
      sync.force(to);
      forceFolder();
      LOG.severe(
          () ->
              "queue entry "
                  + id
                  + " has an unreadable envelope ("
                  + problem
                  + "); moved to "
                  + to
                  + " for an operator, the rest of the queue goes on");
    } catch (IOException e) {
      LOG.log(
          Level.SEVERE,
          "queue entry " + id + " has an unreadable envelope (" + problem + ") and cannot be moved",
          e);
    }
  }

  /**
   * Every queued entry's id, oldest first. Leftovers of interrupted writes (temporary files, and
   * content without an envelope: never acknowledged) are removed once they are older than a write
   * could take.
   */
  /** Removes a leftover older than STALE; one renamed into place meanwhile is simply gone. */
  private static void deleteIfStale(Path file, Instant stale) throws IOException {
    try {
      if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
        Files.deleteIfExists(file);
      }
    } catch (NoSuchFileException e) {
      // a write in progress finished between the listing and this look
    }
  }

  @Override
  public List<String> ids() throws IOException {
    Set<String> contents = new TreeSet<>();
    Set<String> envelopes = new TreeSet<>();
    Instant stale = Instant.now().minus(LEFTOVER_AGE);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
          continue; // the quarantine
        }
        if (name.startsWith(".")) {
          deleteIfStale(file, stale);
        } else if (name.endsWith(ENVELOPE)) {
          String id = name.substring(0, name.length() - ENVELOPE.length());
          if (ContentKey.isValid(id)) {
            envelopes.add(id);
          }
        } else if (ContentKey.isValid(name)) {
          contents.add(name);
        } // else: not ours, left alone
      }
    }
    for (String orphan : contents) {
      if (!envelopes.contains(orphan)
          && Files.getLastModifiedTime(file(orphan)).toInstant().isBefore(stale)) {
        Files.deleteIfExists(file(orphan)); // never acknowledged: no envelope was written
      }
    }
    envelopes.retainAll(contents);
    return new ArrayList<>(envelopes);
  }

  @Override
  public InputStream open(String id) throws IOException {
    return Files.newInputStream(file(id));
  }

  public Path contentPath(String id) {
    return file(id);
  }

  @Override
  public long size(String id) throws IOException {
    return Files.size(file(id));
  }

  /** Removes an entry: the envelope first, so a crash never leaves an envelope without content. */
  @Override
  public void delete(String id) throws IOException {
    Files.deleteIfExists(envelope(id));
    Files.deleteIfExists(file(id));
    forceFolder();
  }

  private Path file(String id) {
    if (!ContentKey.isValid(id)) {
      throw new IllegalArgumentException("not a queue id: " + id);
    }
    return folder.resolve(id);
  }

  private Path envelope(String id) {
    return folder.resolve(file(id).getFileName() + ENVELOPE);
  }

  private void forceFolder() throws IOException {
    sync.force(folder);
  }

  static Properties toProperties(QueueEntry e) {
    Properties p = new Properties();
    p.setProperty("id", e.id());
    p.setProperty("sender", e.sender());
    p.setProperty("arrived", e.arrived().toString());
    put(p, "envid", e.envelopeId());
    put(p, "ret", e.ret());
    p.setProperty("smtputf8", Boolean.toString(e.smtpUtf8()));
    p.setProperty("eightbit", Boolean.toString(e.eightBit()));
    p.setProperty("delay-reported", Boolean.toString(e.delayReported()));
    p.setProperty("recipients", Integer.toString(e.recipients().size()));
    for (int i = 0; i < e.recipients().size(); i++) {
      QueuedRecipient r = e.recipients().get(i);
      String k = "rcpt." + i + ".";
      p.setProperty(k + "address", r.address());
      p.setProperty(k + "notify", String.join(",", new TreeSet<>(r.notifyOn())));
      put(p, k + "orcpt", r.originalRecipient());
      p.setProperty(k + "state", r.state().name());
      p.setProperty(k + "attempts", Integer.toString(r.attempts()));
      p.setProperty(k + "next", r.nextAttempt().toString());
      put(p, k + "status", r.lastStatus());
      put(p, k + "error", r.lastError());
      put(p, k + "remote", r.remoteMta());
    }
    return p;
  }

  /**
   * Reads an envelope.
   *
   * @throws RuntimeException (e.g. {@link IllegalArgumentException}) when it is incomplete or
   *     malformed
   */
  static QueueEntry fromProperties(Properties p) {
    int count = Integer.parseInt(required(p, "recipients"));
    if (count < 1 || count > p.size()) {
      throw new IllegalArgumentException("bad recipient count " + count);
    }
    List<QueuedRecipient> recipients = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String k = "rcpt." + i + ".";
      String notify = p.getProperty(k + "notify", "");
      recipients.add(
          new QueuedRecipient(
              required(p, k + "address"),
              notify.isEmpty()
                  ? Set.of()
                  : Arrays.stream(notify.split(",")).collect(Collectors.toSet()),
              p.getProperty(k + "orcpt"),
              RecipientState.valueOf(required(p, k + "state")),
              Integer.parseInt(required(p, k + "attempts")),
              Instant.parse(required(p, k + "next")),
              p.getProperty(k + "status"),
              p.getProperty(k + "error"),
              p.getProperty(k + "remote")));
    }
    return new QueueEntry(
        required(p, "id"),
        required(p, "sender"),
        Instant.parse(required(p, "arrived")),
        p.getProperty("envid"),
        p.getProperty("ret"),
        Boolean.parseBoolean(p.getProperty("smtputf8")),
        Boolean.parseBoolean(p.getProperty("eightbit")),
        recipients,
        Boolean.parseBoolean(p.getProperty("delay-reported", "false")));
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("no " + key);
    }
    return value;
  }

  private static void put(Properties p, String key, String value) {
    if (value != null) {
      p.setProperty(key, value);
    }
  }
}
