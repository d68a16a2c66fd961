package dev.yubin.protocol.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.FakeClock;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuthFailureLimiterTest {

  private final FakeClock clock = new FakeClock();
  private final AuthFailureLimiter limiter =
      new AuthFailureLimiter(3, 5, Duration.ofMinutes(15), clock);

  @Test
  void anAddressIsBlockedAfterItsFailuresAndFreedAsTheyAgeOut() {
    limiter.recordFailure("192.0.2.1", "alice");
    clock.advance(Duration.ofMinutes(5));
    limiter.recordFailure("192.0.2.1", "bob");
    limiter.recordFailure("192.0.2.1", null);
    assertThat(limiter.isAddressBlocked("192.0.2.1")).isTrue();
    assertThat(limiter.isAddressBlocked("192.0.2.2")).isFalse();
    assertThat(limiter.isUserBlocked("alice")).isFalse();
    clock.advance(Duration.ofMinutes(10)); // the first failure is exactly 15 minutes old
    assertThat(limiter.isAddressBlocked("192.0.2.1")).isFalse();
  }

  @Test
  void aUserIsBlockedAcrossAddressesCaseInsensitively() {
    for (int i = 0; i < 5; i++) {
      limiter.recordFailure("198.51.100." + i, i % 2 == 0 ? "Alice" : "alice");
    }
    assertThat(limiter.isUserBlocked("ALICE")).isTrue();
    assertThat(limiter.isUserBlocked("bob")).isFalse();
    assertThat(limiter.isUserBlocked(null)).isFalse();
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(limiter.isUserBlocked("alice")).isFalse();
  }

  @Test
  void staleKeysAreSweptSoMemoryStaysBounded() {
    for (int i = 0; i < 3000; i++) {
      limiter.recordFailure("10.0." + (i / 256) + "." + (i % 256), "user" + i);
    }
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 1100; i++) {
      limiter.recordFailure("10.1.0.1", "same");
    }
    assertThat(limiter.trackedKeys()).isLessThan(3000);
  }

  @Test
  void concurrentFailuresAreAllCounted() throws InterruptedException {
    AuthFailureLimiter shared =
        new AuthFailureLimiter(1000, 1000, Duration.ofMinutes(15), Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 999; i++) {
      pool.execute(() -> shared.recordFailure("192.0.2.9", "carol"));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(shared.isAddressBlocked("192.0.2.9")).isFalse();
    shared.recordFailure("192.0.2.9", "carol");
    assertThat(shared.isAddressBlocked("192.0.2.9")).isTrue();
    assertThat(shared.isUserBlocked("carol")).isTrue();
  }
}
