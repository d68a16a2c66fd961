package dev.yubin.protocol.sasl;

import java.util.List;

/** A server-side SASL mechanism (RFC 4422 §5): its registered name and a factory of exchanges. */
public interface SaslMechanism {

  /** What every listener offers: SCRAM-SHA-256, PLAIN and LOGIN, in the order advertised. */
  static List<SaslMechanism> standard() {
    return List.of(new ScramSha256Mechanism(), new PlainMechanism(), new LoginMechanism());
  }

  /** The IANA-registered name, upper case, e.g. {@code PLAIN}. */
  String name();

  /** Starts one exchange that asks {@code authenticator}. */
  SaslExchange start(SaslAuthenticator authenticator);

  /**
   * Whether the password crosses the connection as it is (PLAIN, LOGIN), so that engines offer the
   * mechanism only where they would take a cleartext password.
   */
  default boolean isPlaintext() {
    return false;
  }
}
