package dev.yubin.ejb.relay.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a deferred recipient again, like Postfix: the delay doubles from a minimum to a
 * maximum ({@code minimal_backoff_time} 300 s, {@code maximal_backoff_time} 4000 s), and a message
 * older than the queue lifetime ({@code maximal_queue_lifetime}, 5 days) is given up.
 *
 * @param minimum the delay after the first failed attempt
 * @param maximum the longest delay between attempts
 * @param lifetime how long after arrival a message is given up
 */
public record RetrySchedule(Duration minimum, Duration maximum, Duration lifetime) {

  public RetrySchedule {
    if (minimum.isNegative() || minimum.isZero() || maximum.compareTo(minimum) < 0) {
      throw new IllegalArgumentException("need 0 < minimum <= maximum");
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
  }

  public static RetrySchedule postfixDefaults() {
    return new RetrySchedule(Duration.ofSeconds(300), Duration.ofSeconds(4000), Duration.ofDays(5));
  }

  /** The next attempt after {@code attempts} failed attempts, made at {@code now}. */
  public Instant next(int attempts, Instant now) {
    Duration delay = minimum;
    for (int i = 1; i < attempts && delay.compareTo(maximum) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return now.plus(delay.compareTo(maximum) > 0 ? maximum : delay);
  }

  /** Whether a message that arrived at {@code arrived} is too old to keep trying at {@code now}. */
  public boolean expired(Instant arrived, Instant now) {
    return !now.isBefore(arrived.plus(lifetime));
  }
}
