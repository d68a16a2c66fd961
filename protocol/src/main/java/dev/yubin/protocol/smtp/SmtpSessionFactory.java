package dev.yubin.protocol.smtp;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.ProtocolSessionFactory;
import java.util.Objects;

/** Creates an {@link SmtpSession} per connection, all sharing one configuration and backend. */
public final class SmtpSessionFactory implements ProtocolSessionFactory {

  private final SmtpConfig config;
  private final SmtpBackend backend;
  private final SmtpCommands commands = SmtpCommands.standard();

  public SmtpSessionFactory(SmtpConfig config, SmtpBackend backend) {
    this.config = Objects.requireNonNull(config, "config");
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  @Override
  public ProtocolSession newSession(ConnectionInfo connection) {
    return new SmtpSession(config, backend, commands, connection);
  }
}
