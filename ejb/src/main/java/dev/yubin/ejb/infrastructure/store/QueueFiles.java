package dev.yubin.ejb.infrastructure.store;

import dev.yubin.ejb.domain.queue.QueueEntry;
import dev.yubin.ejb.domain.queue.QueuedRecipient;
import dev.yubin.ejb.domain.queue.RecipientState;
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
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The outbound queue on disk, under {@code <data dir>/queue/}: per message a content file {@code
 * <id>} and an envelope file {@code <id>.envelope} (a properties file with the sender, the DSN
 * parameters and every recipient's state). Both are written to a temporary name, forced to disk and
 * renamed, the content first: an entry exists once its envelope does, and only then is the message
 * acknowledged. Every state change rewrites the envelope the same way, so after a crash a delivered
 * recipient is not sent again (at worst the one attempt in flight is repeated).
 */
public final class QueueFiles {

  private static final String ENVELOPE = ".envelope";
  private static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(10);

  private final Path folder;

  public QueueFiles(Path dataDirectory) {
    this.folder = dataDirectory.resolve("queue");
    try {
      OwnerOnly.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the queue in " + dataDirectory, e);
    }
  }

  /** Queues a message: {@code header}, then {@code body} from {@code bodyOffset}; durable. */
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

  /** Writes an entry's envelope durably, replacing the previous one. */
  public void save(QueueEntry entry) throws IOException {
    Path temporary = folder.resolve("." + entry.id() + ENVELOPE + ".tmp");
    try (FileChannel channel = OwnerOnly.replaceFile(temporary)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      toProperties(entry).store(bytes, "Yubin queue entry");
      Channels.newOutputStream(channel).write(bytes.toByteArray());
      channel.force(true);
    }
    Files.move(temporary, envelope(entry.id()), StandardCopyOption.ATOMIC_MOVE);
    forceFolder();
  }

  public Optional<QueueEntry> load(String id) throws IOException {
    if (!ContentKey.isValid(id)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(envelope(id))) {
      p.load(in);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(fromProperties(p));
  }

  /**
   * Every queued entry's id, oldest first. Leftovers of interrupted writes (temporary files, and
   * content without an envelope: never acknowledged) are removed once they are older than a write
   * could take.
   */
  public List<String> ids() throws IOException {
    Set<String> contents = new TreeSet<>();
    Set<String> envelopes = new TreeSet<>();
    Instant stale = Instant.now().minus(LEFTOVER_AGE);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
          if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
            Files.deleteIfExists(file);
          }
        } else if (name.endsWith(ENVELOPE)) {
          envelopes.add(name.substring(0, name.length() - ENVELOPE.length()));
        } else {
          contents.add(name);
        }
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

  public InputStream open(String id) throws IOException {
    return Files.newInputStream(file(id));
  }

  public Path contentPath(String id) {
    return file(id);
  }

  public long size(String id) throws IOException {
    return Files.size(file(id));
  }

  /** Removes an entry: the envelope first, so a crash never leaves an envelope without content. */
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
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    }
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

  static QueueEntry fromProperties(Properties p) {
    int count = Integer.parseInt(p.getProperty("recipients"));
    List<QueuedRecipient> recipients = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String k = "rcpt." + i + ".";
      String notify = p.getProperty(k + "notify", "");
      recipients.add(
          new QueuedRecipient(
              p.getProperty(k + "address"),
              notify.isEmpty()
                  ? Set.of()
                  : Arrays.stream(notify.split(",")).collect(Collectors.toSet()),
              p.getProperty(k + "orcpt"),
              RecipientState.valueOf(p.getProperty(k + "state")),
              Integer.parseInt(p.getProperty(k + "attempts")),
              Instant.parse(p.getProperty(k + "next")),
              p.getProperty(k + "status"),
              p.getProperty(k + "error"),
              p.getProperty(k + "remote")));
    }
    return new QueueEntry(
        p.getProperty("id"),
        p.getProperty("sender"),
        Instant.parse(p.getProperty("arrived")),
        p.getProperty("envid"),
        p.getProperty("ret"),
        Boolean.parseBoolean(p.getProperty("smtputf8")),
        Boolean.parseBoolean(p.getProperty("eightbit")),
        recipients,
        Boolean.parseBoolean(p.getProperty("delay-reported", "false")));
  }

  private static void put(Properties p, String key, String value) {
    if (value != null) {
      p.setProperty(key, value);
    }
  }
}
