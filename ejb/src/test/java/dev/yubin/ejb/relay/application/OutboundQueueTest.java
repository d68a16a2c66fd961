package dev.yubin.ejb.relay.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.platform.infrastructure.store.ContentKey;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.infrastructure.QueueFiles;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundQueueTest {

  @TempDir Path data;

  private OutboundQueue queue;
  private final List<String> announced = new ArrayList<>();
  private final FakeTransaction transaction = new FakeTransaction();
  private Path body;

  @BeforeEach
  void open() throws Exception {
    queue = new OutboundQueue(new QueueFiles(data));
    queue.ready = new RecordingEvent(announced);
    body = Files.writeString(data.resolve("body"), "Subject: x\r\n\r\nhi\r\n");
  }

  private static QueueEntry entry() {
    Instant now = Instant.now();
    return new QueueEntry(
        ContentKey.next(),
        "alice@a.test",
        now,
        null,
        null,
        false,
        false,
        List.of(QueuedRecipient.pending("bob@b.test", Set.of(), null, now)));
  }

  @Test
  void anEntryIsClaimedByOneAttemptAtATime() throws Exception {
    QueueEntry entry = entry();
    queue.add(entry, new byte[0], body, 0);
    assertThat(announced).containsExactly(entry.id());

    try (OutboundQueue.Claim first = queue.claim(entry.id()).orElseThrow()) {
      assertThat(queue.claim(entry.id())).isEmpty();
      assertThat(queue.due(Instant.now())).as("the scan leaves it alone").isEmpty();
    }
    assertThat(queue.claim(entry.id())).isPresent();
  }

  @Test
  void anOperatorCannotRetryOrDeleteAnEntryWhileItIsAttempted() throws Exception {
    QueueEntry entry = entry();
    queue.add(entry, new byte[0], body, 0);
    announced.clear();

    try (OutboundQueue.Claim attempt = queue.claim(entry.id()).orElseThrow()) {
      assertThat(queue.retryNow(entry.id())).isEqualTo(OutboundQueue.Change.BUSY);
      assertThat(queue.delete(entry.id())).isEqualTo(OutboundQueue.Change.BUSY);
      assertThat(queue.find(entry.id())).contains(entry);
    }
    assertThat(announced).isEmpty();

    assertThat(queue.retryNow(entry.id())).isEqualTo(OutboundQueue.Change.DONE);
    assertThat(announced).containsExactly(entry.id());
    assertThat(queue.delete(entry.id())).isEqualTo(OutboundQueue.Change.DONE);
    assertThat(queue.find(entry.id())).isEmpty();
    assertThat(queue.retryNow(entry.id())).isEqualTo(OutboundQueue.Change.NO_ENTRY);
    assertThat(queue.delete(entry.id())).isEqualTo(OutboundQueue.Change.NO_ENTRY);
  }

  @Test
  void anEntryQueuedInATransactionIsInvisibleUntilItCommits() throws Exception {
    queue.transactions = transaction;
    QueueEntry entry = entry();

    queue.add(entry, new byte[0], body, 0);

    assertThat(queue.find(entry.id())).as("durable at once").contains(entry);
    assertThat(queue.claim(entry.id())).as("but not for the relay").isEmpty();
    assertThat(queue.due(Instant.now())).isEmpty();
    assertThat(announced).isEmpty();

    transaction.end(Status.STATUS_COMMITTED);
    assertThat(announced).containsExactly(entry.id());
    assertThat(queue.due(Instant.now())).containsExactly(entry);
  }

  @Test
  void anEntryQueuedInATransactionThatRollsBackIsGoneAndNeverAnnounced() throws Exception {
    queue.transactions = transaction;
    QueueEntry entry = entry();

    queue.add(entry, new byte[0], body, 0);
    transaction.end(Status.STATUS_ROLLEDBACK);

    assertThat(queue.find(entry.id())).isEmpty();
    assertThat(queue.entries()).isEmpty();
    assertThat(announced).isEmpty();
  }

  /** One active transaction whose end the test chooses. */
  private static final class FakeTransaction implements TransactionSynchronizationRegistry {
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private int status = Status.STATUS_ACTIVE;

    void end(int outcome) {
      status = outcome;
      synchronizations.forEach(s -> s.afterCompletion(outcome));
    }

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {}

    @Override
    public Object getResource(Object key) {
      return null;
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
      return status;
    }

    @Override
    public void setRollbackOnly() {
      status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean getRollbackOnly() {
      return status == Status.STATUS_MARKED_ROLLBACK;
    }
  }

  /** Records the ids of the entries announced ready. */
  private record RecordingEvent(List<String> ids) implements Event<OutboundQueue.Ready> {
    @Override
    public void fire(OutboundQueue.Ready event) {
      ids.add(event.entry().id());
    }

    @Override
    public <U extends OutboundQueue.Ready> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends OutboundQueue.Ready> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<OutboundQueue.Ready> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends OutboundQueue.Ready> Event<U> select(
        Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends OutboundQueue.Ready> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
