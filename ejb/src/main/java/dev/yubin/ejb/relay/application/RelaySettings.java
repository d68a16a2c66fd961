package dev.yubin.ejb.relay.application;

import dev.yubin.ejb.relay.domain.RetrySchedule;
import dev.yubin.ejb.relay.infrastructure.smtp.TlsPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the relay delivers: the {@code yubin.relay.*} keys (the README lists them).
 *
 * @param port the port of next hops found by MX lookup
 * @param connectionReuse how long a session to a next hop stays open for the next message; zero:
 *     one session per message
 * @param delayWarning how long a message waits before its sender hears of the delay; zero: never
 * @param retry the backoff of deferred recipients and how long a message may stay queued
 * @param mxAddressLimit how many addresses one attempt tries per domain at most (Postfix's {@code
 *     smtp_mx_address_limit}); zero: all
 * @param attemptDeadline after this long an attempt starts no new session and waits no longer for a
 *     server (except for its verdict on a message already sent); zero: no deadline
 * @param allowInternalDestinations whether mail may go to loopback, private, link-local and other
 *     internal addresses that DNS or an address literal names (a smarthost always may)
 * @param tls the STARTTLS policy toward MX hosts
 * @param tlsPerDomain the policy for particular destination domains (lower case), over {@code tls}
 * @param smarthostTls the policy toward the smarthost
 * @param caFile the certificates that {@link TlsPolicy#VERIFY} trusts instead of the JDK's
 */
public record RelaySettings(
    int port,
    Duration connectionReuse,
    Duration delayWarning,
    RetrySchedule retry,
    int mxAddressLimit,
    Duration attemptDeadline,
    boolean allowInternalDestinations,
    TlsPolicy tls,
    Map<String, TlsPolicy> tlsPerDomain,
    TlsPolicy smarthostTls,
    Optional<Path> caFile) {

  public static final String PORT = "yubin.relay.port";
  public static final String CONNECTION_REUSE = "yubin.relay.connection-reuse";
  public static final String DELAY_WARNING = "yubin.relay.delay-warning";
  public static final String MIN_BACKOFF = "yubin.relay.min-backoff";
  public static final String MAX_BACKOFF = "yubin.relay.max-backoff";
  public static final String QUEUE_LIFETIME = "yubin.relay.queue-lifetime";
  public static final String MX_ADDRESS_LIMIT = "yubin.relay.mx-address-limit";
  public static final String ATTEMPT_DEADLINE = "yubin.relay.attempt-deadline";
  public static final String ALLOW_INTERNAL = "yubin.relay.allow-internal-destinations";
  public static final String TLS = "yubin.relay.tls";
  public static final String TLS_PER_DOMAIN = "yubin.relay.tls.per-domain";
  public static final String SMARTHOST_TLS = "yubin.relay.smarthost.tls";
  public static final String CA_FILE = "yubin.relay.tls.ca-file";

  public RelaySettings {
    Objects.requireNonNull(connectionReuse, "connectionReuse");
    Objects.requireNonNull(delayWarning, "delayWarning");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(attemptDeadline, "attemptDeadline");
    Objects.requireNonNull(tls, "tls");
    tlsPerDomain = Map.copyOf(tlsPerDomain);
    Objects.requireNonNull(smarthostTls, "smarthostTls");
    Objects.requireNonNull(caFile, "caFile");
  }

  /**
   * Reads the settings, e.g. {@code key -> config.getOptionalValue(key, String.class)} with
   * MicroProfile Config; unset keys get the defaults in the README.
   *
   * @throws IllegalArgumentException for a malformed value, naming its key
   */
  public static RelaySettings from(Function<String, Optional<String>> property) {
    Function<String, Optional<String>> value =
        key -> property.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    return new RelaySettings(
        (int) number(value, PORT, 25),
        Duration.ofMillis(number(value, CONNECTION_REUSE, 2000)),
        seconds(value, DELAY_WARNING, 14400),
        new RetrySchedule(
            seconds(value, MIN_BACKOFF, 300),
            seconds(value, MAX_BACKOFF, 4000),
            seconds(value, QUEUE_LIFETIME, 432000)),
        (int) number(value, MX_ADDRESS_LIMIT, 5),
        seconds(value, ATTEMPT_DEADLINE, 600),
        value.apply(ALLOW_INTERNAL).map(v -> bool(ALLOW_INTERNAL, v)).orElse(false),
        value.apply(TLS).map(v -> level(TLS, v)).orElse(TlsPolicy.OPPORTUNISTIC),
        value.apply(TLS_PER_DOMAIN).map(RelaySettings::perDomain).orElse(Map.of()),
        value.apply(SMARTHOST_TLS).map(v -> level(SMARTHOST_TLS, v)).orElse(TlsPolicy.VERIFY),
        value.apply(CA_FILE).map(Path::of));
  }

  /** The policy toward the MX hosts of {@code domain}. */
  public TlsPolicy tlsFor(String domain) {
    return tlsPerDomain.getOrDefault(normalized(domain), tls);
  }

  /** {@code example.org=verify, partner.example=encrypt}: domain, then a level. */
  private static Map<String, TlsPolicy> perDomain(String text) {
    Map<String, TlsPolicy> map = new LinkedHashMap<>();
    for (String item : text.split(",")) {
      String pair = item.trim();
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String domain = equals < 0 ? "" : normalized(pair.substring(0, equals));
      if (domain.isEmpty()) {
        throw new IllegalArgumentException(
            TLS_PER_DOMAIN + ": expected domain=level, got '" + pair + "'");
      }
      map.put(domain, level(TLS_PER_DOMAIN, pair.substring(equals + 1)));
    }
    return map;
  }

  private static String normalized(String domain) {
    String d = domain.trim().toLowerCase(Locale.ROOT);
    return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
  }

  private static TlsPolicy level(String key, String text) {
    try {
      return TlsPolicy.ofLevel(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  private static boolean bool(String key, String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false: " + text);
    };
  }

  private static Duration seconds(
      Function<String, Optional<String>> value, String key, long fallback) {
    return Duration.ofSeconds(number(value, key, fallback));
  }

  private static long number(Function<String, Optional<String>> value, String key, long fallback) {
    Optional<String> text = value.apply(key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(text.get());
      if (n < 0) {
        throw new IllegalArgumentException(key + " must not be negative: " + text.get());
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: " + text.get(), e);
    }
  }
}
