package dev.yubin.ejb.platform.infrastructure.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * Remembers answers for their TTL (capped at {@code maxTtl}); failures are not remembered. Bounded:
 * the least recently used entry goes first. Thread-safe.
 */
public final class CachingDnsClient implements DnsClient {

  private record Key(Name name, int type) {}

  private record Entry(DnsAnswer answer, Instant expires) {}

  private final DnsClient delegate;
  private final Clock clock;
  private final long maxTtlSeconds;
  private final Map<Key, Entry> entries;

  public CachingDnsClient(DnsClient delegate, Clock clock, Duration maxTtl, int maxEntries) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxTtlSeconds = maxTtl.toSeconds();
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Override
  public DnsAnswer query(Name name, int type) {
    Key key = new Key(name.canonicalize(), type);
    Instant now = clock.instant();
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry != null) {
        if (now.isBefore(entry.expires())) {
          return entry.answer();
        }
        entries.remove(key);
      }
    }
    DnsAnswer answer = delegate.query(name, type);
    long ttl = Math.min(answer.ttlSeconds(), maxTtlSeconds);
    if (answer.status() != DnsAnswer.Status.TEMPORARY_FAILURE && ttl > 0) {
      synchronized (entries) {
        entries.put(key, new Entry(answer, now.plusSeconds(ttl)));
      }
    }
    return answer;
  }

  /** Forgets everything, e.g. after the DNS configuration changed. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
