package dev.yubin.ejb.infrastructure.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.domain.queue.QueueEntry;
import dev.yubin.ejb.domain.queue.QueuedRecipient;
import dev.yubin.ejb.domain.queue.RecipientState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
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
}
