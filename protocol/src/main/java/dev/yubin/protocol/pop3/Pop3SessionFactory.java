package dev.yubin.protocol.pop3;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.ProtocolSessionFactory;
import java.util.Objects;

/** Creates a {@link Pop3Session} per connection; the command table is built once, here. */
public final class Pop3SessionFactory implements ProtocolSessionFactory {

  private final Pop3Config config;
  private final Pop3Backend backend;
  private final Pop3Commands commands;

  public Pop3SessionFactory(Pop3Config config, Pop3Backend backend) {
    this.config = Objects.requireNonNull(config, "config");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.commands = Pop3Commands.forConfig(config);
  }

  @Override
  public Pop3Session newSession(ConnectionInfo connection) {
    return new Pop3Session(config, backend, commands, connection);
  }

  /** RFC 2449 §8.1.2: SYS/TEMP says the refusal is temporary. */
  @Override
  public String busyLine() {
    return "-ERR [SYS/TEMP] too many connections, try again later";
  }
}
