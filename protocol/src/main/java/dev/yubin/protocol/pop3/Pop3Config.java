package dev.yubin.protocol.pop3;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the POP3 engine.
 *
 * @param hostname the name the server gives in its greeting and sign-off
 * @param idleTimeout the autologout timer; RFC 1939 §3 requires at least ten minutes
 * @param maxErrors after this many client errors the session says so and closes
 * @param userPassAllowed whether the USER/PASS login (RFC 1939 §7) is offered at all
 * @param tlsAvailable whether STLS (RFC 2595 §4) is offered on connections not yet under TLS
 * @param cleartextLoginAllowed whether a password may be sent over a connection that is neither
 *     under TLS nor from the machine itself (Dovecot's {@code auth_allow_cleartext})
 */
public record Pop3Config(
    String hostname,
    Duration idleTimeout,
    int maxErrors,
    boolean userPassAllowed,
    boolean tlsAvailable,
    boolean cleartextLoginAllowed) {

  /** The shortest autologout timer RFC 1939 §3 permits. */
  public static final Duration MINIMUM_IDLE_TIMEOUT = Duration.ofMinutes(10);

  public Pop3Config {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (hostname.isBlank() || !hostname.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("hostname must be printable ASCII: " + hostname);
    }
    if (idleTimeout.compareTo(MINIMUM_IDLE_TIMEOUT) < 0) {
      throw new IllegalArgumentException("RFC 1939 §3: idle timeout must be >= 10 minutes");
    }
    if (maxErrors < 1) {
      throw new IllegalArgumentException("maxErrors must be positive: " + maxErrors);
    }
  }

  /** Ten minutes of autologout, ten errors, USER/PASS allowed anywhere, no TLS. */
  public static Pop3Config defaults(String hostname) {
    return new Pop3Config(hostname, MINIMUM_IDLE_TIMEOUT, 10, true, false, true);
  }

  public Pop3Config withMaxErrors(int maxErrors) {
    return new Pop3Config(
        hostname, idleTimeout, maxErrors, userPassAllowed, tlsAvailable, cleartextLoginAllowed);
  }

  public Pop3Config withUserPassAllowed(boolean userPassAllowed) {
    return new Pop3Config(
        hostname, idleTimeout, maxErrors, userPassAllowed, tlsAvailable, cleartextLoginAllowed);
  }

  /**
   * With STLS offered, and whether passwords may still travel in clear (from other machines) before
   * it.
   */
  public Pop3Config withTls(boolean tlsAvailable, boolean cleartextLoginAllowed) {
    return new Pop3Config(
        hostname, idleTimeout, maxErrors, userPassAllowed, tlsAvailable, cleartextLoginAllowed);
  }
}
