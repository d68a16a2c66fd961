package dev.yubin.protocol.sasl;

import dev.yubin.protocol.CanonicalAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts failed authentications in a sliding window, so that password guessing is slowed down
 * across connections and protocols (the idea of Postfix's anvil and Dovecot's auth penalty, inside
 * the server). Failures count per client network (an IPv4 address, an IPv6 /64: {@link
 * ClientNetwork}) and per client network and user together, the user by its canonical address
 * ({@link CanonicalAddress#key}), so that every spelling of one account shares one count. A user is
 * never blocked for everyone: an attacker elsewhere cannot lock the owner out.
 *
 * <p>Once a key has its maximum of failures within the window it is blocked until the oldest of
 * them leaves the window; engines then refuse to authenticate without asking the backend.
 *
 * <p>Thread-safe and shared by all sessions of an adapter. Memory is bounded: each key keeps at
 * most its maximum of instants, keys whose failures have all left the window are dropped, and past
 * {@value #MAX_KEYS} keys per kind the one whose last failure is oldest goes first.
 */
public final class AuthFailureLimiter {

  public static final int DEFAULT_MAX_PER_NETWORK = 20;
  public static final int DEFAULT_MAX_PER_USER = 5;
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  /** Keys kept per kind (networks; network and user pairs). */
  static final int MAX_KEYS = 100_000;

  private final Window byNetwork;
  private final Window byNetworkAndUser;
  private final Duration window;
  private final Clock clock;

  /**
   * @param maxPerNetwork failures from one client network, whatever the users, that block it
   * @param maxPerUser failures for one user from one client network that block that pair
   * @param window how long a failure counts
   * @param clock the time source (a fixed or offset clock in tests)
   */
  public AuthFailureLimiter(int maxPerNetwork, int maxPerUser, Duration window, Clock clock) {
    if (maxPerNetwork < 1 || maxPerUser < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("limits and window must be positive");
    }
    this.window = window;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.byNetwork = new Window(maxPerNetwork);
    this.byNetworkAndUser = new Window(maxPerUser);
  }

  /** 20 failures per client network, 5 per network and user, in 15 minutes, on the system clock. */
  public static AuthFailureLimiter defaults() {
    return new AuthFailureLimiter(
        DEFAULT_MAX_PER_NETWORK, DEFAULT_MAX_PER_USER, DEFAULT_WINDOW, Clock.systemUTC());
  }

  /** Whether the network of {@code clientAddress} has used up its failures. */
  public boolean isNetworkBlocked(String clientAddress) {
    return byNetwork.isFull(ClientNetwork.of(clientAddress), cutoff());
  }

  /**
   * Whether {@code user}, tried from the network of {@code clientAddress}, has used up its failures
   * there (or the network has); false for a null user unless the network is blocked.
   */
  public boolean isUserBlocked(String clientAddress, String user) {
    Instant cutoff = cutoff();
    String network = ClientNetwork.of(clientAddress);
    return byNetwork.isFull(network, cutoff)
        || (user != null && byNetworkAndUser.isFull(pair(network, user), cutoff));
  }

  /**
   * Records one failed attempt from {@code clientAddress} for {@code user} (null if none was
   * given).
   */
  public void recordFailure(String clientAddress, String user) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(window);
    String network = ClientNetwork.of(clientAddress);
    byNetwork.add(network, now, cutoff);
    if (user != null) {
      byNetworkAndUser.add(pair(network, user), now, cutoff);
    }
  }

  private Instant cutoff() {
    return clock.instant().minus(window);
  }

  private static String pair(String network, String user) {
    return network + " " + CanonicalAddress.key(user);
  }

  /**
   * Failure instants per key, newest last, at most {@code max} each; keys in the order of their
   * last failure, so the head is always the first to expire.
   */
  private static final class Window {
    private final int max;
    private final LinkedHashMap<String, Deque<Instant>> failures = new LinkedHashMap<>();

    Window(int max) {
      this.max = max;
    }

    synchronized boolean isFull(String key, Instant cutoff) {
      Deque<Instant> instants = failures.get(key);
      if (instants == null) {
        return false;
      }
      expire(instants, cutoff);
      if (instants.isEmpty()) {
        failures.remove(key);
        return false;
      }
      return instants.size() >= max;
    }

    synchronized void add(String key, Instant now, Instant cutoff) {
      Deque<Instant> instants = failures.remove(key); // re-inserted last: the newest failure
      if (instants == null) {
        instants = new ArrayDeque<>();
      }
      expire(instants, cutoff);
      instants.addLast(now);
      while (instants.size() > max) {
        instants.removeFirst();
      }
      failures.put(key, instants);
      dropStale(cutoff);
    }

    /** Drops keys from the head while they have nothing left in the window or are too many. */
    private void dropStale(Instant cutoff) {
      Iterator<Map.Entry<String, Deque<Instant>>> oldest = failures.entrySet().iterator();
      while (oldest.hasNext()) {
        Deque<Instant> instants = oldest.next().getValue();
        if (failures.size() <= MAX_KEYS
            && !instants.isEmpty()
            && instants.getLast().isAfter(cutoff)) {
          return;
        }
        oldest.remove();
      }
    }

    /** Drops failures at or before the cutoff. */
    private static void expire(Deque<Instant> instants, Instant cutoff) {
      while (!instants.isEmpty() && !instants.getFirst().isAfter(cutoff)) {
        instants.removeFirst();
      }
    }

    synchronized int size() {
      return failures.size();
    }
  }

  /** How many network and pair keys are held (tests: the memory bound). */
  int trackedKeys() {
    return byNetwork.size() + byNetworkAndUser.size();
  }
}
