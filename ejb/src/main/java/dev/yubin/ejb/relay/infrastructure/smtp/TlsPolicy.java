package dev.yubin.ejb.relay.infrastructure.smtp;

import java.util.Locale;

/**
 * How a session to a next hop uses STARTTLS (RFC 3207), with Postfix's security levels as the names
 * operators write ({@link #level()}).
 */
public enum TlsPolicy {
  /** Never STARTTLS ({@code none}). */
  NONE("none"),
  /**
   * STARTTLS when offered, certificate not checked ({@code may}, RFC 7435 opportunistic security);
   * plain text when the server does not offer it, and, as Postfix does, when the handshake fails
   * the delivery is retried once in plain text on a new connection.
   */
  OPPORTUNISTIC("may"),
  /**
   * STARTTLS or no delivery (4.7.4, deferred); the certificate is not checked ({@code encrypt}).
   */
  REQUIRED("encrypt"),
  /**
   * STARTTLS or no delivery, and the certificate must chain to a trusted root and name the host
   * connected to, the MX host or smarthost name ({@code verify}).
   */
  VERIFY("verify");

  private final String level;

  TlsPolicy(String level) {
    this.level = level;
  }

  /** The Postfix security level: none, may, encrypt, verify. */
  public String level() {
    return level;
  }

  /**
   * The policy of a Postfix security level (case ignored).
   *
   * @throws IllegalArgumentException for any other word
   */
  public static TlsPolicy ofLevel(String level) {
    String word = level.trim().toLowerCase(Locale.ROOT);
    for (TlsPolicy policy : values()) {
      if (policy.level.equals(word)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "unknown TLS level '" + level + "' (none, may, encrypt or verify)");
  }

  /** Whether a session must not go on without TLS. */
  public boolean requiresTls() {
    return this == REQUIRED || this == VERIFY;
  }
}
