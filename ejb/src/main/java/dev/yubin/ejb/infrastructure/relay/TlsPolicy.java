package dev.yubin.ejb.infrastructure.relay;

/** How a session to a next hop uses STARTTLS (RFC 3207); the names follow Postfix's levels. */
public enum TlsPolicy {
  /** Never STARTTLS. */
  NONE,
  /**
   * STARTTLS when offered, certificate not checked (Postfix {@code may}); if the handshake fails
   * the delivery is retried once in plain text on a new connection.
   */
  OPPORTUNISTIC,
  /**
   * STARTTLS or no delivery (4.7.4, deferred); the certificate is not checked (Postfix {@code
   * encrypt}).
   */
  REQUIRED,
  /**
   * STARTTLS or no delivery, and the certificate must chain to a trusted root and name the host
   * (Postfix {@code verify}).
   */
  VERIFY;

  /** Whether a session must not go on without TLS. */
  public boolean requiresTls() {
    return this == REQUIRED || this == VERIFY;
  }
}
