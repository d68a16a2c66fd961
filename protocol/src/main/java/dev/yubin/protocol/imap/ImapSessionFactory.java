package dev.yubin.protocol.imap;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.ProtocolSessionFactory;
import dev.yubin.protocol.imap.backend.ImapBackend;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import dev.yubin.protocol.sasl.SaslMechanism;
import java.util.List;
import java.util.Objects;

/** Creates an {@link ImapSession} per connection; the command table is built once, here. */
public final class ImapSessionFactory implements ProtocolSessionFactory {

  private final ImapConfig config;
  private final ImapBackend backend;
  private final ImapCommands commands;
  private final AuthFailureLimiter authFailures;

  /**
   * With the mechanisms of {@link SaslMechanism#standard()}.
   *
   * @param authFailures failed logins per client, shared with the other listeners so that a guesser
   *     cannot switch protocols to go on
   */
  public ImapSessionFactory(
      ImapConfig config, ImapBackend backend, AuthFailureLimiter authFailures) {
    this(config, backend, authFailures, SaslMechanism.standard());
  }

  /**
   * @param mechanisms what AUTHENTICATE offers, in the order listed
   */
  public ImapSessionFactory(
      ImapConfig config,
      ImapBackend backend,
      AuthFailureLimiter authFailures,
      List<SaslMechanism> mechanisms) {
    this.config = Objects.requireNonNull(config, "config");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.authFailures = Objects.requireNonNull(authFailures, "authFailures");
    this.commands = ImapCommands.forConfig(config, mechanisms);
  }

  @Override
  public ImapSession newSession(ConnectionInfo connection) {
    return newSession(connection, () -> {});
  }

  /**
   * @param waker asks the transport to call {@link ImapSession#wake} soon, on the session's thread;
   *     IDLE uses it to report changes without waiting for the client
   */
  @Override
  public ImapSession newSession(ConnectionInfo connection, Runnable waker) {
    return new ImapSession(config, backend, commands, authFailures, connection, waker);
  }

  @Override
  public String busyLine() {
    return "* BYE [UNAVAILABLE] Too many connections, try again later";
  }
}
