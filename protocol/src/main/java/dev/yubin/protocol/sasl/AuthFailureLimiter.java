package dev.yubin.protocol.sasl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address and per user name in a sliding window, so that
 * password guessing is slowed down across connections (the idea of Postfix's anvil and of fail2ban,
 * inside the server). Once a key has {@code max} failures within the window, it is blocked until
 * the oldest of them leaves the window; engines then refuse to authenticate without asking the
 * backend.
 *
 * <p>Thread-safe and shared by all sessions of a listener. Memory is bounded: each key keeps at
 * most {@code max} instants, and keys with no failure left in the window are swept out.
 */
public final class AuthFailureLimiter {

  public static final int DEFAULT_MAX_PER_ADDRESS = 5;
  public static final int DEFAULT_MAX_PER_USER = 10;
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  /** A sweep of stale keys runs after this many recorded failures. */
  private static final int SWEEP_INTERVAL = 1024;

  private final Window byAddress;
  private final Window byUser;
  private final Duration window;
  private final Clock clock;

  /**
   * @param maxPerAddress failures from one client address that block it
   * @param maxPerUser failures for one user name (any address) that block it
   * @param window how long a failure counts
   * @param clock the time source (a fixed or offset clock in tests)
   */
  public AuthFailureLimiter(int maxPerAddress, int maxPerUser, Duration window, Clock clock) {
    if (maxPerAddress < 1 || maxPerUser < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("limits and window must be positive");
    }
    this.window = window;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.byAddress = new Window(maxPerAddress);
    this.byUser = new Window(maxPerUser);
  }

  /** 5 failures per address, 10 per user, in 15 minutes, on the system clock. */
  public static AuthFailureLimiter defaults() {
    return new AuthFailureLimiter(
        DEFAULT_MAX_PER_ADDRESS, DEFAULT_MAX_PER_USER, DEFAULT_WINDOW, Clock.systemUTC());
  }

  /** Whether the client address has used up its failures. */
  public boolean isAddressBlocked(String address) {
    return byAddress.isFull(address, cutoff());
  }

  /** Whether the user name has used up its failures; false for null. */
  public boolean isUserBlocked(String user) {
    return user != null && byUser.isFull(userKey(user), cutoff());
  }

  /** Records one failed attempt from {@code address} for {@code user} (null if none was given). */
  public void recordFailure(String address, String user) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(window);
    byAddress.add(address, now, cutoff);
    if (user != null) {
      byUser.add(userKey(user), now, cutoff);
    }
  }

  private Instant cutoff() {
    return clock.instant().minus(window);
  }

  private static String userKey(String user) {
    return user.toLowerCase(Locale.ROOT);
  }

  /** Failure instants per key, newest last, at most {@code max} each. */
  private static final class Window {
    private final int max;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private int recordsSinceSweep;

    Window(int max) {
      this.max = max;
    }

    boolean isFull(String key, Instant cutoff) {
      Deque<Instant> instants = failures.get(key);
      if (instants == null) {
        return false;
      }
      synchronized (instants) {
        expire(instants, cutoff);
        return instants.size() >= max;
      }
    }

    void add(String key, Instant now, Instant cutoff) {
      // compute() is atomic per key, so a concurrent sweep cannot drop the deque being added to.
      failures.compute(
          key,
          (k, instants) -> {
            Deque<Instant> target = instants == null ? new ArrayDeque<>() : instants;
            synchronized (target) {
              expire(target, cutoff);
              target.addLast(now);
              while (target.size() > max) {
                target.removeFirst();
              }
            }
            return target;
          });
      if (countRecord()) {
        sweep(cutoff);
      }
    }

    private synchronized boolean countRecord() {
      if (++recordsSinceSweep < SWEEP_INTERVAL) {
        return false;
      }
      recordsSinceSweep = 0;
      return true;
    }

    private void sweep(Instant cutoff) {
      for (String key : failures.keySet()) {
        failures.computeIfPresent(
            key,
            (k, instants) -> {
              synchronized (instants) {
                expire(instants, cutoff);
                return instants.isEmpty() ? null : instants;
              }
            });
      }
    }

    /** Drops failures at or before the cutoff. */
    private static void expire(Deque<Instant> instants, Instant cutoff) {
      while (!instants.isEmpty() && !instants.getFirst().isAfter(cutoff)) {
        instants.removeFirst();
      }
    }

    /** Keys held, for tests of the sweep. */
    int size() {
      return failures.size();
    }
  }

  /** How many address and user keys are held (tests: the memory bound). */
  int trackedKeys() {
    return byAddress.size() + byUser.size();
  }
}
