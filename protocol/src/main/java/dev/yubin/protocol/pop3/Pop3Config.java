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
 */
public record Pop3Config(
    String hostname, Duration idleTimeout, int maxErrors, boolean userPassAllowed) {

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

  /** Ten minutes of autologout, ten errors, USER/PASS allowed. */
  public static Pop3Config defaults(String hostname) {
    return new Pop3Config(hostname, MINIMUM_IDLE_TIMEOUT, 10, true);
  }

  public Pop3Config withMaxErrors(int maxErrors) {
    return new Pop3Config(hostname, idleTimeout, maxErrors, userPassAllowed);
  }

  public Pop3Config withUserPassAllowed(boolean userPassAllowed) {
    return new Pop3Config(hostname, idleTimeout, maxErrors, userPassAllowed);
  }
}
