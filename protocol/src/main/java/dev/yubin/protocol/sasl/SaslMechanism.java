package dev.yubin.protocol.sasl;

/** A server-side SASL mechanism (RFC 4422 §5): its registered name and a factory of exchanges. */
public interface SaslMechanism {

  /** The IANA-registered name, upper case, e.g. {@code PLAIN}. */
  String name();

  /** Starts one exchange that asks {@code authenticator}. */
  SaslExchange start(SaslAuthenticator authenticator);
}
