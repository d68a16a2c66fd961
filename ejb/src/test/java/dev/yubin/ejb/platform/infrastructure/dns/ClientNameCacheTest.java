package dev.yubin.ejb.platform.infrastructure.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.platform.infrastructure.dns.CachingDnsClientTest.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class ClientNameCacheTest {

  private static final Duration FAILURE_TTL = Duration.ofSeconds(30);

  private final FakeDns dns = new FakeDns();
  private final ManualClock clock = new ManualClock();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    dns.hold.countDown();
    threads.shutdownNow();
  }

  private ClientNameCache cache(Duration deadline, int maxEntries) {
    return new ClientNameCache(
        new ReverseDns(dns, FAILURE_TTL),
        threads,
        clock,
        deadline,
        Duration.ofHours(1),
        maxEntries);
  }

  private long ptrQuestions() {
    return dns.questions.stream().filter(q -> q.endsWith(" PTR")).count();
  }

  @Test
  void aNameIsKeptForItsTtlThenAskedAgain() {
    dns.ptr("192.0.2.7", "mail.a.test").a("mail.a.test", "192.0.2.7");
    ClientNameCache names = cache(Duration.ofSeconds(10), 100);

    assertThat(names.confirmedName("192.0.2.7")).contains("mail.a.test");
    clock.now = clock.now.plusSeconds(299);
    assertThat(names.confirmedName("192.0.2.7")).contains("mail.a.test");
    assertThat(ptrQuestions()).isEqualTo(1);

    clock.now = clock.now.plusSeconds(1);
    assertThat(names.confirmedName("192.0.2.7")).contains("mail.a.test");
    assertThat(ptrQuestions()).isEqualTo(2);
  }

  @Test
  void noNameAndFailuresAreKeptTooForTheirOwnTtls() {
    dns.answer("7.2.0.192.in-addr.arpa", Type.PTR, DnsAnswer.noSuchDomain(60));
    dns.answer("8.2.0.192.in-addr.arpa", Type.PTR, DnsAnswer.temporaryFailure("SERVFAIL"));
    ClientNameCache names = cache(Duration.ofSeconds(10), 100);

    for (int i = 0; i < 3; i++) {
      assertThat(names.confirmedName("192.0.2.7")).isEmpty();
      assertThat(names.confirmedName("192.0.2.8")).isEmpty();
    }
    assertThat(ptrQuestions()).as("one question per address").isEqualTo(2);

    clock.now = clock.now.plus(FAILURE_TTL);
    names.confirmedName("192.0.2.7");
    names.confirmedName("192.0.2.8");
    assertThat(ptrQuestions())
        .as("the failure is asked about again, NXDOMAIN not yet")
        .isEqualTo(3);
  }

  @Test
  void aClientWaitsNoLongerThanTheDeadlineAndTheLateAnswerServesTheNext() throws Exception {
    dns.ptr("192.0.2.7", "mail.a.test").a("mail.a.test", "192.0.2.7");
    dns.hold = new CountDownLatch(1); // the DNS does not answer
    ClientNameCache names = cache(Duration.ofMillis(100), 100);

    assertThat(names.confirmedName("192.0.2.7")).isEmpty();
    assertThat(names.confirmedName("192.0.2.7")).as("still unanswered").isEmpty();
    assertThat(ptrQuestions()).as("callers share the lookup under way").isEqualTo(1);

    dns.hold.countDown();
    assertThat(awaitName(names, "192.0.2.7")).contains("mail.a.test");
    assertThat(ptrQuestions()).isEqualTo(1);
  }

  @Test
  void whenNoLookupCanStartTheClientGoesUnnamedAtOnceAndNothingIsKept() {
    dns.ptr("192.0.2.7", "mail.a.test").a("mail.a.test", "192.0.2.7");
    ClientNameCache refusing =
        new ClientNameCache(
            new ReverseDns(dns, FAILURE_TTL),
            task -> {
              throw new RejectedExecutionException("every lookup thread is busy");
            },
            clock,
            Duration.ofSeconds(10),
            Duration.ofHours(1),
            100);

    assertThat(refusing.confirmedName("192.0.2.7")).isEmpty();
    assertThat(dns.questions).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedAddressGoesFirst() {
    ClientNameCache names = cache(Duration.ofSeconds(10), 2);

    names.confirmedName("192.0.2.1");
    names.confirmedName("192.0.2.2");
    names.confirmedName("192.0.2.1");
    names.confirmedName("192.0.2.3"); // pushes out 192.0.2.2
    names.confirmedName("192.0.2.1");
    assertThat(ptrQuestions()).isEqualTo(3);
    names.confirmedName("192.0.2.2");
    assertThat(ptrQuestions()).isEqualTo(4);
  }

  /** Asks until the name is there (the lookup finishes on another thread), for up to 10 s. */
  private static Optional<String> awaitName(ClientNameCache names, String ip)
      throws InterruptedException {
    Instant end = Instant.now().plusSeconds(10);
    Optional<String> name = names.confirmedName(ip);
    while (name.isEmpty() && Instant.now().isBefore(end)) {
      Thread.sleep(20);
      name = names.confirmedName(ip);
    }
    return name;
  }
}
