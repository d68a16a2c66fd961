package dev.yubin.ejb.platform.infrastructure.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class CachingDnsClientTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final FakeDns dns = new FakeDns();
  private final ManualClock clock = new ManualClock();
  private final CachingDnsClient cache = new CachingDnsClient(dns, clock, Duration.ofHours(1), 100);

  @Test
  void answersAreReusedWithinTheirTtlAndAskedAgainAfter() {
    dns.a("mx.test", "192.0.2.1"); // TTL 300

    cache.query(FakeDns.name("mx.test"), Type.A);
    clock.now = clock.now.plusSeconds(299);
    cache.query(FakeDns.name("MX.test"), Type.A);
    assertThat(dns.questions).hasSize(1);

    clock.now = clock.now.plusSeconds(1);
    cache.query(FakeDns.name("mx.test"), Type.A);
    assertThat(dns.questions).hasSize(2);
  }

  @Test
  void failuresAreNotRememberedButNegativeAnswersAre() {
    dns.answer("flaky.test", Type.MX, DnsAnswer.temporaryFailure("SERVFAIL"));
    dns.answer("gone.test", Type.MX, DnsAnswer.noSuchDomain(60));

    cache.query(FakeDns.name("flaky.test"), Type.MX);
    cache.query(FakeDns.name("flaky.test"), Type.MX);
    cache.query(FakeDns.name("gone.test"), Type.MX);
    cache.query(FakeDns.name("gone.test"), Type.MX);

    assertThat(dns.questions).containsExactly("flaky.test. MX", "flaky.test. MX", "gone.test. MX");
  }

  @Test
  void theTtlIsCappedAndTheCacheIsBounded() {
    CachingDnsClient small = new CachingDnsClient(dns, clock, Duration.ofSeconds(10), 1);
    dns.a("one.test", "192.0.2.1").a("two.test", "192.0.2.2");

    small.query(FakeDns.name("one.test"), Type.A);
    small.query(FakeDns.name("two.test"), Type.A); // evicts one.test
    small.query(FakeDns.name("one.test"), Type.A);
    assertThat(dns.questions).hasSize(3);

    clock.now = clock.now.plusSeconds(10); // cap 10 s < TTL 300 s
    small.query(FakeDns.name("one.test"), Type.A);
    assertThat(dns.questions).hasSize(4);
  }
}
