package dev.yubin.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

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
