package dev.yubin.ejb.relay.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.platform.infrastructure.store.ContentKey;
import dev.yubin.ejb.platform.infrastructure.store.OwnerOnlyTest;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.domain.RecipientState;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueFilesTest {

  private static final Instant ARRIVED = Instant.parse("2026-11-27T06:00:00Z");

  @TempDir Path data;

  private static QueueEntry entry() {
    QueuedRecipient deferred =
        QueuedRecipient.pending(
                "bob@b.test", Set.of("FAILURE", "DELAY"), "rfc822;bob@b.test", ARRIVED)
            .attempted(
                RecipientState.PENDING,
                ARRIVED.plusSeconds(300),
                "4.4.1",
                "451 4.4.1 connect failed",
                "mx.b.test");
    QueuedRecipient delivered =
        QueuedRecipient.pending("carol@c.test", Set.of(), null, ARRIVED)
            .attempted(RecipientState.DELIVERED, ARRIVED, "2.0.0", "250 2.0.0 ok", "mx.c.test");
    return new QueueEntry(
        "MWYL9Y0RB8B0440390FDD914",
        "alice@a.test",
        ARRIVED,
        "env-1",
        "HDRS",
        true,
        true,
        List.of(deferred, delivered));
  }

  @Test
  void anEntryReadsBackAsItWasWritten() {
    QueueEntry written = entry();

    assertThat(QueueFiles.fromProperties(QueueFiles.toProperties(written))).isEqualTo(written);
    QueueEntry warned = written.withDelayReported();
    assertThat(QueueFiles.fromProperties(QueueFiles.toProperties(warned))).isEqualTo(warned);
  }

  @Test
  void anEntryWrittenBeforeDelayWarningsExistedReadsAsNotYetWarned() {
    Properties older = QueueFiles.toProperties(entry());
    older.remove("delay-reported");

    assertThat(QueueFiles.fromProperties(older).delayReported()).isFalse();
  }

  @Test
  void queueFilesAndTheirFolderAreTheOwnersAlone() throws Exception {
    QueueFiles files = new QueueFiles(data.resolve("data"));
    Path body = Files.write(data.resolve("body"), "hello\r\n".getBytes(StandardCharsets.US_ASCII));
    QueueEntry entry = entry();

    files.create(entry, new byte[0], body, 0);
    files.save(entry.withDelayReported());

    Path queue = data.resolve("data/queue");
    assertThat(OwnerOnlyTest.mode(data.resolve("data"))).isEqualTo("rwx------");
    assertThat(OwnerOnlyTest.mode(queue)).isEqualTo("rwx------");
    assertThat(OwnerOnlyTest.mode(queue.resolve(entry.id()))).isEqualTo("rw-------");
    assertThat(OwnerOnlyTest.mode(queue.resolve(entry.id() + ".envelope"))).isEqualTo("rw-------");
  }

  @Test
  void anEntryIsDurableOnDiskWithItsContent() throws Exception {
    QueueFiles files = new QueueFiles(data);
    Path body = data.resolve("body");
    Files.write(body, "Subject: x\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
    QueueEntry entry = entry();

    files.create(entry, "Received: by us\r\n".getBytes(StandardCharsets.US_ASCII), body, 0);
    files.save(entry.withDelayReported());

    assertThat(files.load(entry.id())).contains(entry.withDelayReported());
    assertThat(files.ids()).containsExactly(entry.id());
    try (var in = files.open(entry.id())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("Received: by us\r\nSubject: x\r\n\r\nhello\r\n");
    }
  }

  private QueueFiles queued(QueueEntry entry) throws Exception {
    QueueFiles files = new QueueFiles(data);
    Path body = Files.write(data.resolve("body-" + entry.id()), "x\r\n".getBytes());
    files.create(entry, new byte[0], body, 0);
    return files;
  }

  @Test
  void concurrentSavesOfOneEntryNeverFailOrMix() throws Exception {
    QueueEntry entry = entry();
    QueueFiles files = queued(entry);
    List<QueueEntry> states = List.of(entry, entry.withDelayReported());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> saves = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        QueueEntry state = states.get(i % 2);
        saves.add(
            threads.submit(
                () -> {
                  files.save(state);
                  return null;
                }));
      }
      for (Future<?> save : saves) {
        save.get(); // with one shared temporary name, a rename found it gone or half written
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(files.load(entry.id())).get().isIn(states);
    try (Stream<Path> left = Files.list(data.resolve("queue"))) {
      assertThat(left.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(entry.id(), entry.id() + ".envelope");
    }
  }

  @Test
  void anUnreadableEnvelopeIsQuarantinedWithItsContentAndTheRestIsListed() throws Exception {
    QueueEntry good = entry();
    QueueFiles files = queued(good);
    String bad = ContentKey.next();
    Path queue = data.resolve("queue");
    Files.writeString(queue.resolve(bad), "Subject: x\r\n\r\nbody\r\n");
    Files.writeString(queue.resolve(bad + ".envelope"), "id=" + bad + "\nrecipients=many\n");

    assertThat(files.ids()).containsExactlyInAnyOrder(good.id(), bad);
    assertThat(files.load(bad)).isEmpty();
    assertThat(files.load(good.id())).contains(good);

    assertThat(files.ids()).containsExactly(good.id());
    assertThat(files.quarantineFolder().resolve(bad + ".envelope")).exists();
    assertThat(files.quarantineFolder().resolve(bad)).hasContent("Subject: x\r\n\r\nbody\r\n");
  }

  @Test
  void envelopesThatAreIncompleteOrNameAnotherEntryAreQuarantined() throws Exception {
    QueueFiles files = new QueueFiles(data);
    Path queue = data.resolve("queue");
    Properties complete = QueueFiles.toProperties(entry());
    List<Properties> broken = new ArrayList<>();
    for (String key : List.of("sender", "arrived", "rcpt.0.address", "rcpt.1.next")) {
      Properties p = (Properties) complete.clone();
      p.remove(key);
      broken.add(p);
    }
    Properties huge = (Properties) complete.clone();
    huge.setProperty("recipients", "2000000000");
    broken.add(huge);
    Properties state = (Properties) complete.clone();
    state.setProperty("rcpt.0.state", "LOST");
    broken.add(state);
    broken.add(complete); // whole, but under another id below

    for (Properties p : broken) {
      String id = ContentKey.next();
      Files.writeString(queue.resolve(id), "x\r\n");
      try (OutputStream out = Files.newOutputStream(queue.resolve(id + ".envelope"))) {
        p.store(out, null);
      }
      assertThat(files.load(id)).as(p.toString()).isEmpty();
      assertThat(files.quarantineFolder().resolve(id + ".envelope")).exists();
    }
    assertThat(files.ids()).isEmpty();
  }

  @Test
  void filesThatAreNotOursAreLeftAloneAndIgnored() throws Exception {
    QueueEntry entry = entry();
    QueueFiles files = queued(entry);
    Path queue = data.resolve("queue");
    Files.writeString(queue.resolve("README.txt"), "notes");
    Files.writeString(queue.resolve("x-y.envelope"), "id=x-y");
    Files.createDirectories(queue.resolve("backup"));

    assertThat(files.ids()).containsExactly(entry.id());
    assertThat(queue.resolve("README.txt")).exists();
  }
}
