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
      new AuthFailureLimiter(5, 3, Duration.ofMinutes(15), clock);

  @Test
  void aNetworkIsBlockedAfterItsFailuresWhateverTheUsersAndFreedAsTheyAgeOut() {
    limiter.recordFailure("192.0.2.1", "alice@d");
    clock.advance(Duration.ofMinutes(5));
    for (String user : new String[] {"bob@d", "carol@d", "dave@d"}) {
      limiter.recordFailure("192.0.2.1", user);
    }
    limiter.recordFailure("192.0.2.1", null);
    assertThat(limiter.isNetworkBlocked("192.0.2.1")).isTrue();
    assertThat(limiter.isUserBlocked("192.0.2.1", "erin@d")).isTrue();
    assertThat(limiter.isNetworkBlocked("192.0.2.2"))
        .as("an IPv4 network is one address")
        .isFalse();
    clock.advance(Duration.ofMinutes(10)); // the first failure is exactly 15 minutes old
    assertThat(limiter.isNetworkBlocked("192.0.2.1")).isFalse();
  }

  @Test
  void aUserIsBlockedOnlyFromTheNetworkItsFailuresCameFrom() {
    for (int i = 0; i < 3; i++) {
      limiter.recordFailure("198.51.100.7", "kate@d");
    }
    assertThat(limiter.isUserBlocked("198.51.100.7", "kate@d")).isTrue();
    assertThat(limiter.isNetworkBlocked("198.51.100.7")).as("3 of its 5 used").isFalse();
    assertThat(limiter.isUserBlocked("198.51.100.7", "bob@d")).isFalse();
    assertThat(limiter.isUserBlocked("203.0.113.9", "kate@d"))
        .as("the owner elsewhere is not locked out")
        .isFalse();
    assertThat(limiter.isUserBlocked("198.51.100.7", null)).isFalse();
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(limiter.isUserBlocked("198.51.100.7", "kate@d")).isFalse();
  }

  @Test
  void everySpellingOfAnAddressCountsForTheSameUser() {
    limiter.recordFailure("198.51.100.7", "\"k\\ate\"@d");
    limiter.recordFailure("198.51.100.7", "kate@d.");
    limiter.recordFailure("198.51.100.7", "KATE@D");
    assertThat(limiter.isUserBlocked("198.51.100.7", "kate@d")).isTrue();
  }

  @Test
  void ipv6ClientsAreCountedPerSlash64() {
    limiter.recordFailure("2001:db8:1:2::1", "kate@d");
    limiter.recordFailure("2001:db8:1:2:ffff::9", "kate@d");
    limiter.recordFailure("2001:0db8:0001:0002:0:0:0:abcd", "kate@d");
    assertThat(limiter.isUserBlocked("2001:db8:1:2:1234:5678:9abc:def0", "kate@d")).isTrue();
    assertThat(limiter.isUserBlocked("2001:db8:1:3::1", "kate@d")).isFalse();
  }

  @Test
  void networksAreIpv4AddressesAndIpv6Slash64s() {
    assertThat(ClientNetwork.of("192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(ClientNetwork.of("2001:db8:a:b:c:d:e:f")).isEqualTo("2001:db8:a:b::/64");
    assertThat(ClientNetwork.of("2001:DB8:A:B::")).isEqualTo("2001:db8:a:b::/64");
    assertThat(ClientNetwork.of("2001:db8::1")).isEqualTo("2001:db8:0:0::/64");
    assertThat(ClientNetwork.of("::1")).isEqualTo("0:0:0:0::/64");
    assertThat(ClientNetwork.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
    assertThat(ClientNetwork.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    assertThat(ClientNetwork.of("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(ClientNetwork.of("::ffff:c000:201")).isEqualTo("192.0.2.1");
    assertThat(ClientNetwork.of("64:ff9b::192.0.2.1")).isEqualTo("64:ff9b:0:0::/64");
    assertThat(ClientNetwork.of("1::2::3")).as("no address: itself").isEqualTo("1::2::3");
    assertThat(ClientNetwork.of("1:2:3:4:5:6:7:8:9")).isEqualTo("1:2:3:4:5:6:7:8:9");
  }

  @Test
  void staleKeysAreDroppedSoMemoryStaysBounded() {
    for (int i = 0; i < 3000; i++) {
      limiter.recordFailure("10.0." + (i / 256) + "." + (i % 256), "user" + i);
    }
    assertThat(limiter.trackedKeys()).isEqualTo(6000);
    clock.advance(Duration.ofHours(1));
    limiter.recordFailure("10.1.0.1", "same");
    assertThat(limiter.trackedKeys()).isEqualTo(2);
  }

  @Test
  void pastTheKeyLimitTheKeyWhoseLastFailureIsOldestGoes() {
    for (int i = 0; i <= AuthFailureLimiter.MAX_KEYS; i++) {
      limiter.recordFailure(
          "2001:db8:"
              + Integer.toHexString(i / 65536)
              + ":"
              + Integer.toHexString(i % 65536)
              + "::1",
          null);
    }
    assertThat(limiter.trackedKeys()).isEqualTo(AuthFailureLimiter.MAX_KEYS);
  }

  @Test
  void concurrentFailuresAreAllCounted() throws InterruptedException {
    AuthFailureLimiter shared =
        new AuthFailureLimiter(1000, 1000, Duration.ofMinutes(15), Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 999; i++) {
      pool.execute(() -> shared.recordFailure("192.0.2.9", "carol@d"));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(shared.isNetworkBlocked("192.0.2.9")).isFalse();
    shared.recordFailure("192.0.2.9", "Carol@D");
    assertThat(shared.isNetworkBlocked("192.0.2.9")).isTrue();
    assertThat(shared.isUserBlocked("192.0.2.10", "carol@d")).isFalse();
  }
}
