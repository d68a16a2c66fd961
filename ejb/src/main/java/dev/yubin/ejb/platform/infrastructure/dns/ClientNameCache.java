package dev.yubin.ejb.platform.infrastructure.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Clients' confirmed names ({@link ReverseDns}) within a deadline, remembered per address. A lookup
 * runs on the given executor; the caller waits at most the deadline and, past it, goes on without a
 * name while the lookup finishes and its answer is kept for the next caller. Answers, names and
 * no-names alike, are kept for their TTL (at most {@code maxTtl}), failures for the failure TTL
 * that {@link ReverseDns} gives them. Concurrent callers for one address share one lookup. Bounded:
 * past {@code maxEntries} the least recently used address goes first. When the executor refuses
 * work (every lookup thread busy), the client goes without a name at once.
 */
public final class ClientNameCache {

  private static final Logger LOG = Logger.getLogger(ClientNameCache.class.getName());

  private record Named(Optional<String> name, Instant expires) {}

  private final ReverseDns reverse;
  private final Executor executor;
  private final Clock clock;
  private final Duration deadline;
  private final Duration maxTtl;
  private final Map<String, CompletableFuture<Named>> entries;

  /**
   * @param reverse the lookup
   * @param executor where lookups run
   * @param clock the time source of expiry
   * @param deadline how long a caller waits for a lookup
   * @param maxTtl the longest an answer is kept
   * @param maxEntries how many addresses are remembered at most
   */
  public ClientNameCache(
      ReverseDns reverse,
      Executor executor,
      Clock clock,
      Duration deadline,
      Duration maxTtl,
      int maxEntries) {
    this.reverse = Objects.requireNonNull(reverse, "reverse");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.maxTtl = Objects.requireNonNull(maxTtl, "maxTtl");
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Named>> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** The confirmed name of {@code ip}, or empty when it has none or none came in time. */
  public Optional<String> confirmedName(String ip) {
    CompletableFuture<Named> lookup;
    synchronized (entries) {
      lookup = entries.get(ip);
      if (lookup == null || isExpired(lookup)) {
        try {
          lookup = CompletableFuture.supplyAsync(() -> resolve(ip), executor);
        } catch (RejectedExecutionException e) {
          entries.remove(ip);
          return Optional.empty();
        }
        entries.put(ip, lookup);
      }
    }
    try {
      return lookup.get(deadline.toMillis(), TimeUnit.MILLISECONDS).name();
    } catch (TimeoutException e) {
      return Optional.empty(); // the lookup goes on; its answer serves the next caller
    } catch (ExecutionException e) {
      return Optional.empty(); // resolve() catches everything; nothing to remember here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private boolean isExpired(CompletableFuture<Named> lookup) {
    return lookup.isDone()
        && (lookup.isCompletedExceptionally()
            || !clock.instant().isBefore(lookup.getNow(null).expires()));
  }

  private Named resolve(String ip) {
    try {
      ReverseDns.Answer answer = reverse.lookup(ip);
      Duration ttl = answer.ttl().compareTo(maxTtl) <= 0 ? answer.ttl() : maxTtl;
      return new Named(answer.name(), clock.instant().plus(ttl));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "reverse DNS lookup of " + ip + " failed", e);
      return new Named(Optional.empty(), clock.instant()); // not kept: the next caller asks again
    }
  }
}
