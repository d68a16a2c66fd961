package dev.yubin.ejb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.it.relayqueue.RecordingRelayWork;
import dev.yubin.ejb.relay.application.RelayQueue;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relay queue on ActiveMQ's adapter inside Payara Micro, as {@code ./yubin run} configures it
 * (persistent KahaDB broker, vm:// only, scheduler on): announcements reach {@link RelayWork}
 * through the message-driven bean, a failing one is redelivered with back-off, a poison one ends in
 * the dead-letter queue, a delayed one waits.
 */
@ExtendWith(ArquillianExtension.class)
public class RelayQueueIT {

  @Deployment
  public static WebArchive deployment() {
    return YubinDeployment.create("relay-queue-it", RecordingRelayWork.class.getPackage());
  }

  @Inject RelayQueue relayQueue;
  @Inject RecordingRelayWork work;

  @Resource(lookup = RelayQueue.CONNECTION_FACTORY)
  ConnectionFactory factory;

  @Test
  void everyAnnouncementIsProcessedOnce() {
    String run = UUID.randomUUID().toString();
    List<String> ids = IntStream.range(0, 50).mapToObj(i -> "bulk-" + run + "-" + i).toList();

    ids.forEach(relayQueue::announce);

    await(Duration.ofSeconds(60), () -> work.processed().containsAll(ids));
    for (String id : ids) {
      assertThat(work.attempts(id)).as(id).hasSize(1);
    }
  }

  @Test
  void aFailureIsRedeliveredWithBackOff() {
    String id = "flaky-" + UUID.randomUUID();

    relayQueue.announce(id);

    await(Duration.ofSeconds(30), () -> work.processed().contains(id));
    List<Instant> attempts = work.attempts(id);
    assertThat(attempts).hasSize(RecordingRelayWork.FLAKY_FAILURES + 1);
    // 1 s, then 2 s (exponential back-off); a little slack for timer granularity.
    assertThat(Duration.between(attempts.get(0), attempts.get(1)))
        .isGreaterThan(Duration.ofMillis(800));
    assertThat(Duration.between(attempts.get(1), attempts.get(2)))
        .isGreaterThan(Duration.ofMillis(1600));
  }

  @Test
  void aPoisonMessageEndsInTheDeadLetterQueueAfterSixAttempts() throws Exception {
    String id = "poison-" + UUID.randomUUID();

    relayQueue.announce(id);

    // 1 + 5 redeliveries after 1, 2, 4, 8 and 16 s.
    await(Duration.ofSeconds(90), () -> deadLetters(id) == 1);
    assertThat(work.attempts(id)).hasSize(6);
    assertThat(work.processed()).doesNotContain(id);
    // Moved, not copied: nothing is left on the relay queue that could be attempted a 7th time.
    assertThat(browse(RelayQueue.PHYSICAL_NAME, id)).isZero();
  }

  @Test
  void aDelayedAnnouncementWaits() {
    String id = "delayed-" + UUID.randomUUID();
    Instant sent = Instant.now();

    relayQueue.announce(id, Duration.ofSeconds(3));

    await(Duration.ofSeconds(30), () -> work.processed().contains(id));
    assertThat(Duration.between(sent, work.attempts(id).get(0)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
  }

  @Test
  void aBlankQueueIdIsRefused() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> relayQueue.announce(" "));
  }

  /** Messages for {@code id} in ActiveMQ's dead-letter queue. */
  private int deadLetters(String id) {
    return browse(RelayQueue.DEAD_LETTER_QUEUE, id);
  }

  /** Messages for {@code id} in {@code queue}. */
  private int browse(String queue, String id) {
    try (Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      connection.start();
      QueueBrowser browser =
          session.createBrowser(
              session.createQueue(queue), RelayQueue.QUEUE_ID_PROPERTY + " = '" + id + "'");
      return Collections.list(browser.getEnumeration()).size();
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
