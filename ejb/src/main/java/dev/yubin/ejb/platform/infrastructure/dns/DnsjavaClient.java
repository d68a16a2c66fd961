package dev.yubin.ejb.platform.infrastructure.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupFailedException;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * {@link DnsClient} over dnsjava's {@link LookupSession}: one record type per query (some servers
 * refuse ANY), CNAME chains followed, no search path, no hosts file, no dnsjava cache (the caller
 * caches with its own clock, see {@link CachingDnsClient}).
 */
public final class DnsjavaClient implements DnsClient {

  private final LookupSession session;
  private final Duration deadline;
  private final long negativeTtlSeconds;

  public DnsjavaClient(DnsSettings settings) {
    Resolver resolver = resolver(settings);
    this.session =
        LookupSession.builder()
            .resolver(resolver)
            .clearCaches()
            .clearSearchPath()
            .ndots(1)
            // Complete on dnsjava's own I/O thread; nothing here blocks.
            .executor(Runnable::run)
            .build();
    int servers = Math.max(1, settings.servers().size());
    this.deadline =
        settings.timeout().multipliedBy((long) (settings.retries() + 1) * servers).plusSeconds(1);
    this.negativeTtlSeconds = settings.negativeTtl().toSeconds();
  }

  static Resolver resolver(DnsSettings settings) {
    ExtendedResolver resolver;
    if (settings.servers().isEmpty()) {
      resolver = new ExtendedResolver(); // the system's resolvers (resolv.conf or equivalent)
    } else {
      List<Resolver> list = new ArrayList<>();
      for (HostAndPort server : settings.servers()) {
        SimpleResolver simple =
            new SimpleResolver(new InetSocketAddress(server.host(), server.port()));
        simple.setTimeout(settings.timeout());
        list.add(simple);
      }
      resolver = new ExtendedResolver(list);
      resolver.setLoadBalance(false);
    }
    resolver.setTimeout(settings.timeout());
    resolver.setRetries(settings.retries());
    return resolver;
  }

  @Override
  public DnsAnswer query(Name name, int type) {
    if (type == Type.ANY) {
      throw new IllegalArgumentException("ask one record type per query");
    }
    try {
      LookupResult result =
          session
              .lookupAsync(name, type)
              .toCompletableFuture()
              .get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      List<Record> records = result.getRecords().stream().filter(r -> r.getType() == type).toList();
      return records.isEmpty() ? DnsAnswer.noData(negativeTtlSeconds) : DnsAnswer.found(records);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DnsAnswer.temporaryFailure("interrupted");
    } catch (TimeoutException e) {
      return DnsAnswer.temporaryFailure("DNS timeout for " + describe(name, type));
    } catch (ExecutionException | CompletionException e) {
      return fromFailure(e.getCause() == null ? e : e.getCause(), name, type);
    } catch (RuntimeException e) {
      return fromFailure(e, name, type);
    }
  }

  private DnsAnswer fromFailure(Throwable cause, Name name, int type) {
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof NoSuchDomainException) {
      return DnsAnswer.noSuchDomain(negativeTtlSeconds);
    }
    if (cause instanceof NoSuchRRSetException) {
      return DnsAnswer.noData(negativeTtlSeconds);
    }
    String what = cause instanceof LookupFailedException ? "DNS failure" : "DNS error";
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return DnsAnswer.temporaryFailure(what + " for " + describe(name, type) + ": " + detail);
  }

  private static String describe(Name name, int type) {
    return name + " " + Type.string(type);
  }
}
