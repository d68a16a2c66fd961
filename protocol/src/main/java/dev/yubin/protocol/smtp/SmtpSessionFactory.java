package dev.yubin.protocol.smtp;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.ProtocolSessionFactory;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import dev.yubin.protocol.sasl.SaslMechanism;
import java.util.List;
import java.util.Objects;

/**
 * Creates an {@link SmtpSession} per connection, all sharing one configuration, backend, set of
 * SASL mechanisms and {@link AuthFailureLimiter}.
 */
public final class SmtpSessionFactory implements ProtocolSessionFactory {

  private final SmtpConfig config;
  private final SmtpBackend backend;
  private final SmtpCommands commands = SmtpCommands.standard();
  private final List<SaslMechanism> mechanisms;
  private final AuthFailureLimiter authFailures;

  /** With the default throttle: {@link AuthFailureLimiter#defaults()}. */
  public SmtpSessionFactory(SmtpConfig config, SmtpBackend backend) {
    this(config, backend, AuthFailureLimiter.defaults());
  }

  /** With the mechanisms of {@link SaslMechanism#standard()}. */
  public SmtpSessionFactory(
      SmtpConfig config, SmtpBackend backend, AuthFailureLimiter authFailures) {
    this(config, backend, authFailures, SaslMechanism.standard());
  }

  public SmtpSessionFactory(
      SmtpConfig config,
      SmtpBackend backend,
      AuthFailureLimiter authFailures,
      List<SaslMechanism> mechanisms) {
    this.config = Objects.requireNonNull(config, "config");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.authFailures = Objects.requireNonNull(authFailures, "authFailures");
    this.mechanisms = List.copyOf(mechanisms);
  }

  @Override
  public ProtocolSession newSession(ConnectionInfo connection) {
    return new SmtpSession(config, backend, commands, mechanisms, authFailures, connection);
  }

  /** RFC 5321 §3.8: 421 tells the client to come back later. */
  @Override
  public String busyLine() {
    return "421 4.7.0 " + config.hostname() + " Error: too many connections, try again later";
  }
}
