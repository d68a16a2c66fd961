package dev.yubin.protocol.imap;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the IMAP engine.
 *
 * @param hostname the name in the greeting
 * @param loginTimeout how long a connection may stay silent before it has logged in
 * @param idleTimeout the autologout timer once logged in; RFC 3501 §5.4 requires 30 minutes at
 *     least (IDLE clients re-issue it within 29)
 * @param maxErrors after this many BAD responses the session says BYE
 * @param maxCommandBytes the most a command (lines and literals) may hold in memory
 * @param appendLimit the largest message APPEND takes (RFC 7889 APPENDLIMIT)
 * @param tlsAvailable whether STARTTLS is offered on connections not yet under TLS
 * @param cleartextLoginAllowed whether passwords may be sent in clear from other machines
 */
public record ImapConfig(
    String hostname,
    Duration loginTimeout,
    Duration idleTimeout,
    int maxErrors,
    int maxCommandBytes,
    long appendLimit,
    boolean tlsAvailable,
    boolean cleartextLoginAllowed) {

  public static final Duration MINIMUM_IDLE_TIMEOUT = Duration.ofMinutes(30);

  public ImapConfig {
    Objects.requireNonNull(hostname, "hostname");
    if (hostname.isBlank() || !hostname.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("hostname must be printable ASCII: " + hostname);
    }
    if (idleTimeout.compareTo(MINIMUM_IDLE_TIMEOUT) < 0) {
      throw new IllegalArgumentException("RFC 3501 §5.4: idle timeout must be >= 30 minutes");
    }
    if (maxErrors < 1 || maxCommandBytes < 1024 || appendLimit < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** One minute to log in, 30 of autologout, 20 errors, 64 KiB commands, 35 MiB messages. */
  public static ImapConfig defaults(String hostname) {
    return new ImapConfig(
        hostname,
        Duration.ofMinutes(1),
        MINIMUM_IDLE_TIMEOUT,
        20,
        64 * 1024,
        35L * 1024 * 1024,
        false,
        true);
  }

  public ImapConfig withTls(boolean tlsAvailable, boolean cleartextLoginAllowed) {
    return new ImapConfig(
        hostname,
        loginTimeout,
        idleTimeout,
        maxErrors,
        maxCommandBytes,
        appendLimit,
        tlsAvailable,
        cleartextLoginAllowed);
  }

  public ImapConfig withLimits(int maxErrors, int maxCommandBytes, long appendLimit) {
    return new ImapConfig(
        hostname,
        loginTimeout,
        idleTimeout,
        maxErrors,
        maxCommandBytes,
        appendLimit,
        tlsAvailable,
        cleartextLoginAllowed);
  }
}
