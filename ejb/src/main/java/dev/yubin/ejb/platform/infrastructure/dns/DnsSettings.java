package dev.yubin.ejb.platform.infrastructure.dns;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How relay finds next hops.
 *
 * @param servers DNS servers to ask, in order; empty means the system's resolvers
 * @param timeout how long to wait for one server's answer
 * @param retries extra attempts per server after a timeout
 * @param negativeTtl how long "no such domain" and "no such record" are remembered
 * @param maxTtl the longest any answer is remembered, whatever its TTL
 * @param cacheEntries how many answers are remembered at most
 * @param smarthost when present, all relayed mail goes to this host instead of the MX hosts
 */
public record DnsSettings(
    List<HostAndPort> servers,
    Duration timeout,
    int retries,
    Duration negativeTtl,
    Duration maxTtl,
    int cacheEntries,
    Optional<HostAndPort> smarthost) {

  /** Comma list of {@code host[:port]}; default: the system's resolvers. */
  public static final String SERVERS = "yubin.dns.servers";

  /** Seconds to wait for one DNS server's answer; default 5. */
  public static final String TIMEOUT = "yubin.dns.timeout";

  /** Extra attempts per DNS server; default 2. */
  public static final String RETRIES = "yubin.dns.retries";

  /** {@code host[:port]} that receives all relayed mail; default: none (MX delivery). */
  public static final String SMARTHOST = "yubin.relay.smarthost";

  public static final int DNS_PORT = 53;
  public static final int SMTP_PORT = 25;

  public DnsSettings {
    servers = List.copyOf(servers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(negativeTtl, "negativeTtl");
    Objects.requireNonNull(maxTtl, "maxTtl");
    Objects.requireNonNull(smarthost, "smarthost");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("DNS timeout must be positive");
    }
    if (retries < 0 || cacheEntries < 0) {
      throw new IllegalArgumentException("retries and cache entries must not be negative");
    }
  }

  /** The system's resolvers, 5 s timeout, 2 retries, 60 s negative TTL, no smarthost. */
  public static DnsSettings defaults() {
    return new DnsSettings(
        List.of(),
        Duration.ofSeconds(5),
        2,
        Duration.ofSeconds(60),
        Duration.ofHours(1),
        10_000,
        Optional.empty());
  }

  /**
   * Reads the {@code yubin.dns.*} and {@code yubin.relay.smarthost} keys, e.g. {@code key ->
   * config.getOptionalValue(key, String.class)} with MicroProfile Config.
   *
   * @throws IllegalArgumentException for a malformed value, naming the key
   */
  public static DnsSettings from(Function<String, Optional<String>> property) {
    DnsSettings d = defaults();
    List<HostAndPort> servers =
        value(property, SERVERS)
            .map(
                v ->
                    Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(s -> HostAndPort.parse(s, DNS_PORT))
                        .toList())
            .orElse(d.servers());
    Duration timeout =
        value(property, TIMEOUT).map(v -> Duration.ofSeconds(number(TIMEOUT, v))).orElse(d.timeout);
    int retries = value(property, RETRIES).map(v -> (int) number(RETRIES, v)).orElse(d.retries);
    Optional<HostAndPort> smarthost =
        value(property, SMARTHOST).map(v -> HostAndPort.parse(v, SMTP_PORT));
    return new DnsSettings(
        servers, timeout, retries, d.negativeTtl, d.maxTtl, d.cacheEntries, smarthost);
  }

  /** These settings with other DNS servers. */
  public DnsSettings withServers(List<HostAndPort> list) {
    return new DnsSettings(list, timeout, retries, negativeTtl, maxTtl, cacheEntries, smarthost);
  }

  /** These settings with another timeout and retry count. */
  public DnsSettings withTimeout(Duration perServer, int attempts) {
    return new DnsSettings(
        servers, perServer, attempts, negativeTtl, maxTtl, cacheEntries, smarthost);
  }

  /** These settings with a smarthost. */
  public DnsSettings withSmarthost(HostAndPort host) {
    return new DnsSettings(
        servers, timeout, retries, negativeTtl, maxTtl, cacheEntries, Optional.of(host));
  }

  private static Optional<String> value(Function<String, Optional<String>> property, String key) {
    return property.apply(key).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static long number(String key, String value) {
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw new IllegalArgumentException(key + " must not be negative: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: " + value, e);
    }
  }
}
