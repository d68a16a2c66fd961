package dev.yubin.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay queue's failure and delay paths on Payara Server's own JMS (OpenMQ's {@code jmsra},
 * docs/adr/0007), which the EAR's descriptors configure: a failing relay is redelivered a bounded
 * number of times, a poison message ends in OpenMQ's dead message queue, a delayed announcement
 * waits, and survives a SIGKILL of the server (the broker's store is persistent).
 *
 * <p>The EAR deployed here is the built one with a single class added to its ejb module, {@code
 * dev.yubin.ear.relay.ScriptedRelayWork}, a relay whose failures the test chooses; its descriptors
 * are unchanged.
 */
class PayaraServerRelayQueueIT {

  private static final Pattern ATTEMPT =
      Pattern.compile("scripted relay: attempt (\\d+) of (\\S+) at (\\d+)");

  /** As {@code ScriptedRelayWork}: a {@code flaky-} id fails this often, then succeeds. */
  private static final int FLAKY_FAILURES = 2;

  private static YubinOnPayaraServer yubin;

  @BeforeAll
  static void deployEar() throws Exception {
    Path work = Path.of(YubinOnPayaraServer.required("it.work")).resolve("relay-queue");
    Path ear =
        TestEar.withEjbClasses(
            Path.of(YubinOnPayaraServer.required("yubin.ear")),
            work.resolve("yubin.ear"),
            "dev.yubin.ear.relay.ScriptedRelayWork");
    yubin =
        YubinOnPayaraServer.start(
            ear,
            work,
            Map.of(
                "yubin.hostname", "mx.example.test",
                "yubin.domains", "example.test",
                "yubin.admin.password", "admin-" + UUID.randomUUID()));
  }

  @AfterAll
  static void stopServer() {
    if (yubin != null) {
      yubin.close();
    }
  }

  @Test
  void aFailureIsRedeliveredUntilItSucceeds() throws Exception {
    String id = "flaky-" + UUID.randomUUID();

    yubin.announce(id);

    yubin
        .domain()
        .awaitLog(
            Pattern.compile("scripted relay: processed " + Pattern.quote(id)),
            Duration.ofSeconds(60));
    List<Instant> attempts = attempts(id);
    assertThat(attempts).hasSize(FLAKY_FAILURES + 1);
    // endpointExceptionRedeliveryInterval = 2000 ms; a little slack for timer granularity.
    assertThat(Duration.between(attempts.get(0), attempts.get(1)))
        .isGreaterThan(Duration.ofMillis(1800));
    assertThat(Duration.between(attempts.get(1), attempts.get(2)))
        .isGreaterThan(Duration.ofMillis(1800));
  }

  @Test
  void aPoisonMessageEndsInTheDeadMessageQueueAfterSixAttempts() throws Exception {
    String id = "poison-" + UUID.randomUUID();

    yubin.announce(id);

    // 1 + endpointExceptionRedeliveryAttempts (5), 2 s apart, then mq.sys.dmq.
    await(Duration.ofSeconds(90), () -> deadMessages(id) == 1);
    assertThat(attempts(id)).hasSize(6);
    // Moved, not copied: nothing is left on the relay queue that could be attempted a 7th time.
    assertThat(yubin.count("yubin.relay", id)).as("nothing left on the relay queue").isZero();
  }

  @Test
  void aDelayedAnnouncementOfTheEarWaits() throws Exception {
    String run = UUID.randomUUID().toString();

    // The scripted relay announces delayed-<run> through the EAR's own RelayQueue, 3 s ahead.
    yubin.announce("delay-3000-" + run);

    Pattern announced =
        Pattern.compile(
            "scripted relay: announced delayed-"
                + Pattern.quote(run)
                + " with a delay of 3000 ms at (\\d+)");
    yubin.domain().awaitLog(announced, Duration.ofSeconds(60));
    yubin
        .domain()
        .awaitLog(
            Pattern.compile("scripted relay: processed delayed-" + Pattern.quote(run)),
            Duration.ofSeconds(60));
    Instant sent =
        Instant.ofEpochMilli(Long.parseLong(yubin.domain().logMatches(announced).get(0).group(1)));
    List<Instant> attempts = attempts("delayed-" + run);
    assertThat(attempts).hasSize(1);
    // The announcement returned after the send, so the delay is measured from a little later.
    assertThat(Duration.between(sent, attempts.get(0))).isGreaterThan(Duration.ofMillis(2500));
  }

  @Test
  void aDelayedAnnouncementSurvivesAKillOfTheServer() throws Exception {
    String run = UUID.randomUUID().toString();
    PayaraServerDomain domain = yubin.domain();

    // The EAR's RelayQueue sends delayed-<run>, due in 20 s; the server dies at once.
    yubin.announce("delay-20000-" + run);
    domain.awaitLog(
        Pattern.compile("scripted relay: announced delayed-" + Pattern.quote(run)),
        Duration.ofSeconds(60));
    yubin.killAndRestart();

    // The broker found the message in its store after the restart.
    domain.awaitLog(
        Pattern.compile("scripted relay: processed delayed-" + Pattern.quote(run)),
        Duration.ofSeconds(120));
    assertThat(attempts("delayed-" + run)).hasSize(1);
  }

  private static List<Instant> attempts(String id) throws IOException {
    return yubin.domain().logMatches(ATTEMPT).stream()
        .filter(m -> m.group(2).equals(id))
        .map(PayaraServerRelayQueueIT::time)
        .toList();
  }

  private static Instant time(MatchResult attempt) {
    return Instant.ofEpochMilli(Long.parseLong(attempt.group(3)));
  }

  private static int deadMessages(String id) {
    try {
      return yubin.count(YubinOnPayaraServer.DEAD_MESSAGE_QUEUE, id);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void await(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + "\n" + yubin.domain().serverLogTail(80));
      }
      Thread.sleep(250);
    }
  }
}
