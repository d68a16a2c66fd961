package dev.yubin.protocol.pop3;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.ProtocolSessionFactory;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import dev.yubin.protocol.sasl.SaslMechanism;
import java.util.List;
import java.util.Objects;

/** Creates a {@link Pop3Session} per connection; the command table is built once, here. */
public final class Pop3SessionFactory implements ProtocolSessionFactory {

  private final Pop3Config config;
  private final Pop3Backend backend;
  private final Pop3Commands commands;
  private final AuthFailureLimiter authFailures;

  /** With the default throttle: {@link AuthFailureLimiter#defaults()}. */
  public Pop3SessionFactory(Pop3Config config, Pop3Backend backend) {
    this(config, backend, AuthFailureLimiter.defaults());
  }

  /**
   * With the mechanisms of {@link SaslMechanism#standard()}.
   *
   * @param authFailures failed logins per client network and user, shared with the other listeners
   *     so that a guesser cannot switch protocols to go on
   */
  public Pop3SessionFactory(
      Pop3Config config, Pop3Backend backend, AuthFailureLimiter authFailures) {
    this(config, backend, authFailures, SaslMechanism.standard());
  }

  /**
   * @param mechanisms what AUTH offers, in the order listed
   */
  public Pop3SessionFactory(
      Pop3Config config,
      Pop3Backend backend,
      AuthFailureLimiter authFailures,
      List<SaslMechanism> mechanisms) {
    this.config = Objects.requireNonNull(config, "config");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.authFailures = Objects.requireNonNull(authFailures, "authFailures");
    this.commands = Pop3Commands.forConfig(config, mechanisms);
  }

  @Override
  public Pop3Session newSession(ConnectionInfo connection) {
    return new Pop3Session(config, backend, commands, authFailures, connection);
  }

  /** RFC 2449 §8.1.2: SYS/TEMP says the refusal is temporary. */
  @Override
  public String busyLine() {
    return "-ERR [SYS/TEMP] too many connections, try again later";
  }
}
