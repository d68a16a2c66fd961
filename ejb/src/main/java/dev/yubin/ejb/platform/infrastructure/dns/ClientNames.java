package dev.yubin.ejb.platform.infrastructure.dns;

import dev.yubin.ejb.submission.application.TraceHeaders;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Names clients for the Received header through the configured resolver ({@code
 * yubin.dns.servers}). A client waits at most {@code yubin.dns.reverse-timeout} seconds (default 3)
 * for its name, then goes on as {@code unknown}; answers, negative ones and failures included, are
 * remembered per address ({@link ClientNameCache}). Callers look names up before they open a
 * transaction. {@code yubin.dns.reverse=false} turns the lookups off.
 */
@ApplicationScoped
public class ClientNames {

  /** Lookups at once; past that a client goes unnamed without waiting. */
  static final int MAX_LOOKUP_THREADS = 16;

  static final int DEFAULT_TIMEOUT_SECONDS = 3;

  @Resource ManagedThreadFactory threadFactory;

  private ThreadPoolExecutor executor;
  private ClientNameCache names;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    if (!config.getOptionalValue("yubin.dns.reverse", Boolean.class).orElse(true)) {
      return;
    }
    Duration deadline =
        Duration.ofSeconds(
            config
                .getOptionalValue("yubin.dns.reverse-timeout", Integer.class)
                .filter(s -> s > 0)
                .orElse(DEFAULT_TIMEOUT_SECONDS));
    DnsSettings settings = DnsSettings.from(key -> config.getOptionalValue(key, String.class));
    // Each server gets its share of the deadline, once: a name is not worth a long wait.
    DnsSettings quick =
        settings.withTimeout(deadline.dividedBy(Math.max(1, settings.servers().size())), 0);
    executor =
        new ThreadPoolExecutor(
            0,
            MAX_LOOKUP_THREADS,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            threadFactory,
            new ThreadPoolExecutor.AbortPolicy());
    names =
        new ClientNameCache(
            new ReverseDns(new DnsjavaClient(quick), settings.negativeTtl()),
            executor,
            Clock.systemUTC(),
            deadline,
            settings.maxTtl(),
            settings.cacheEntries());
  }

  @PreDestroy
  void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** {@code name [ip]} when the address has a confirmed name, else {@code unknown [ip]}. */
  public String describe(String ip) {
    String name = names == null ? "unknown" : names.confirmedName(ip).orElse("unknown");
    return name + " " + TraceHeaders.addressLiteral(ip);
  }
}
