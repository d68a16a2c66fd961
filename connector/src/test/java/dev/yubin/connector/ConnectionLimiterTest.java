package dev.yubin.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

  @AfterEach
  void clear() {
    System.clearProperty("yubin.max-connections-per-ip");
    System.clearProperty("yubin.test-a.max-connections-per-ip");
    System.clearProperty("yubin.test-a.max-connections");
  }

  @Test
  void eachListenerHasItsOwnBudgetFromItsOwnSettings() {
    System.setProperty("yubin.test-a.max-connections", "3");
    System.setProperty("yubin.test-a.max-connections-per-ip", "1");
    ConnectionLimiter a = ConnectionLimiter.forListener("test-a");
    ConnectionLimiter b = ConnectionLimiter.forListener("test-b");

    assertThat(a.tryAcquire("192.0.2.1")).isTrue();
    assertThat(a.tryAcquire("192.0.2.1")).as("a's own per-address limit").isFalse();
    for (int i = 0; i < ConnectionLimiter.DEFAULT_MAX_PER_ADDRESS; i++) {
      assertThat(b.tryAcquire("192.0.2.1")).as("b keeps its slots, with the default").isTrue();
    }
    assertThat(b.tryAcquire("192.0.2.1")).isFalse();
    assertThat(a.tryAcquire("192.0.2.2")).isTrue();
    assertThat(a.tryAcquire("192.0.2.3")).isTrue();
    assertThat(a.tryAcquire("192.0.2.4")).as("a's own total").isFalse();
  }

  @Test
  void theSharedKeysSetTheDefaultOfEveryListener() {
    System.setProperty("yubin.max-connections-per-ip", "2");
    ConnectionLimiter limiter = ConnectionLimiter.forListener("test-b");
    assertThat(limiter.tryAcquire("192.0.2.1")).isTrue();
    assertThat(limiter.tryAcquire("192.0.2.1")).isTrue();
    assertThat(limiter.tryAcquire("192.0.2.1")).isFalse();
  }

  @Test
  void limitsPerAddressAndInTotal() {
    ConnectionLimiter limiter = new ConnectionLimiter(3, 2);
    assertThat(limiter.tryAcquire("192.0.2.1")).isTrue();
    assertThat(limiter.tryAcquire("192.0.2.1")).isTrue();
    assertThat(limiter.tryAcquire("192.0.2.1")).as("per address").isFalse();
    assertThat(limiter.tryAcquire("192.0.2.2")).isTrue();
    assertThat(limiter.tryAcquire("192.0.2.3")).as("in total").isFalse();
    limiter.release("192.0.2.1");
    assertThat(limiter.tryAcquire("192.0.2.3")).isTrue();
    assertThat(limiter.total()).isEqualTo(3);
  }

  @Test
  void releasingAnUnknownAddressChangesNothing() {
    ConnectionLimiter limiter = new ConnectionLimiter(1, 1);
    limiter.release("192.0.2.9");
    assertThat(limiter.total()).isZero();
    assertThat(limiter.tryAcquire("192.0.2.9")).isTrue();
  }
}
