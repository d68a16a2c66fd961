package dev.yubin.protocol.pop3;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.LineAssembler;
import dev.yubin.protocol.LineAssembler.Line;
import dev.yubin.protocol.Output;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One POP3 connection: frames command lines, checks them, dispatches them to the {@link
 * Pop3Command} for their keyword, and keeps what the commands share: the state, the user named by
 * USER, the open maildrop and the error count.
 *
 * <p>When the autologout timer expires ({@link #idle}) or the client vanishes ({@link #closed}) the
 * session does not enter UPDATE: no message is removed, the maildrop is only released (RFC 1939 §3,
 * §6). On autologout nothing is written before closing, as RFC 1939 §3 prescribes. However the
 * session ends, the messages RETR sent are handed to the store to mark seen, as Dovecot does.
 *
 * @see "RFC 1939, RFC 2449"
 */
public final class Pop3Session implements ProtocolSession {

  /** RFC 2449 §4: a command line is at most 255 octets, CRLF included. */
  static final int MAX_COMMAND_LINE = 255;

  private static final System.Logger LOG = System.getLogger(Pop3Session.class.getName());

  private final Pop3Config config;
  private final Pop3Backend backend;
  private final Pop3Commands commands;
  private final AuthFailureLimiter authFailures;
  private ConnectionInfo connection;
  private final LineAssembler lines = new LineAssembler(MAX_COMMAND_LINE - 2);

  private Pop3State state = Pop3State.AUTHORIZATION;
  private boolean skippingOverlongLine;
  private boolean discardingInput;
  private int errors;
  private String userForNextCommand;
  private String userFromPreviousCommand;
  private OpenMaildrop maildrop;
  private AuthExchange auth;

  Pop3Session(
      Pop3Config config,
      Pop3Backend backend,
      Pop3Commands commands,
      AuthFailureLimiter authFailures,
      ConnectionInfo connection) {
    this.config = config;
    this.backend = backend;
    this.commands = commands;
    this.authFailures = authFailures;
    this.connection = connection;
  }

  @Override
  public void open(Output out) {
    out.writeLine("+OK " + config.hostname() + " POP3 ready");
  }

  @Override
  public void receive(byte[] data, int offset, int length, Output out) {
    int position = offset;
    int end = offset + length;
    while (position < end && state != Pop3State.CLOSED) {
      position += lines.feedOne(data, position, end - position, line -> onLine(line, out));
      if (discardingInput) {
        // RFC 2595 §4: what the client sent before the TLS handshake is not to be trusted.
        discardingInput = false;
        lines.reset();
        return;
      }
    }
  }

  @Override
  public void idle(Output out) {
    if (state != Pop3State.CLOSED) {
      close(out);
    }
  }

  @Override
  public void closed() {
    auth = null;
    releaseMaildrop();
    state = Pop3State.CLOSED;
  }

  @Override
  public Duration idleTimeout() {
    return config.idleTimeout();
  }

  /** The current state; for tests and commands. */
  public Pop3State state() {
    return state;
  }

  private void onLine(Line line, Output out) {
    if (state == Pop3State.CLOSED) {
      return; // pipelined input after QUIT or after too many errors
    }
    userFromPreviousCommand = userForNextCommand;
    userForNextCommand = null;
    if (auth != null) {
      AuthExchange exchange = auth;
      guarded("AUTH", () -> exchange.accept(line, out), out);
    } else if (!line.terminated()) {
      skippingOverlongLine = true;
    } else if (skippingOverlongLine) {
      skippingOverlongLine = false;
      reject(out, null, "line too long", true);
    } else if (!isPrintableAscii(line.bytes())) {
      reject(out, null, "invalid characters in command", true);
    } else {
      dispatch(new String(line.bytes(), StandardCharsets.US_ASCII), out);
    }
    if (state != Pop3State.CLOSED && errors >= config.maxErrors()) {
      out.writeLine("-ERR too many errors");
      close(out);
    }
  }

  private void dispatch(String commandLine, Output out) {
    int space = commandLine.indexOf(' ');
    String keyword =
        (space < 0 ? commandLine : commandLine.substring(0, space)).toUpperCase(Locale.ROOT);
    String argument = space < 0 ? "" : commandLine.substring(space + 1);
    Optional<Pop3Command> command = commands.find(keyword);
    if (command.isEmpty()) {
      reject(out, null, "unknown command", true);
    } else if (!command.get().validIn().contains(state)) {
      reject(out, null, keyword + " not valid in the " + state + " state", true);
    } else {
      execute(command.get(), argument, out);
    }
  }

  private void execute(Pop3Command command, String argument, Output out) {
    guarded(command.keyword(), () -> command.execute(this, argument, out), out);
  }

  /** Runs a command or an AUTH step; its failure becomes {@code -ERR} and ends any AUTH. */
  private void guarded(String keyword, Runnable action, Output out) {
    try {
      action.run();
    } catch (Pop3CommandException e) {
      auth = null;
      reject(out, e.code(), e.getMessage(), e.clientFault());
    } catch (RuntimeException e) {
      auth = null;
      LOG.log(Level.WARNING, "POP3 " + keyword + " failed for " + connection.remoteAddress(), e);
      reject(out, ResponseCode.SYS_TEMP, "internal error, try again later", false);
    }
  }

  /** Writes a negative response; a client fault counts towards {@link Pop3Config#maxErrors}. */
  void reject(Output out, ResponseCode code, String text, boolean clientFault) {
    if (clientFault) {
      errors++;
    }
    out.writeLine("-ERR " + (code == null ? "" : "[" + code.token() + "] ") + text);
  }

  private static boolean isPrintableAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7e) {
        return false;
      }
    }
    return true;
  }

  // What commands use.

  Pop3Config config() {
    return config;
  }

  Pop3Backend backend() {
    return backend;
  }

  Pop3Commands commands() {
    return commands;
  }

  String clientAddress() {
    return connection.remoteAddress();
  }

  AuthFailureLimiter authFailures() {
    return authFailures;
  }

  /** Whether the connection is under TLS (implicit, or after STLS). */
  boolean isSecure() {
    return connection.secure();
  }

  /** Whether a password may be sent now: under TLS, from this machine, or when configured. */
  boolean cleartextLoginAllowed() {
    return connection.secure() || connection.isLocal() || config.cleartextLoginAllowed();
  }

  /**
   * STLS answered: TLS starts once the reply is out, and the input that arrived with the command is
   * thrown away (RFC 2595 §4). Nothing else was learned in clear: STLS is only valid before login,
   * and a USER given before it is forgotten.
   */
  void startTls(Output out) {
    out.startTls();
    connection = connection.secured();
    userForNextCommand = null;
    discardingInput = true;
  }

  /** AUTH sent a challenge: the next lines are SASL responses. */
  void continueAuth(AuthExchange exchange) {
    auth = exchange;
  }

  /** The AUTH exchange is over, whatever its outcome. */
  void endAuth() {
    auth = null;
  }

  /** USER: remembers the name for a PASS that comes next. */
  void nameUser(String user) {
    userForNextCommand = user;
  }

  /** PASS: the name given by USER in the immediately preceding command, or null (RFC 1939 §7). */
  String userFromPreviousCommand() {
    return userFromPreviousCommand;
  }

  /** A successful login: AUTHORIZATION becomes TRANSACTION over the locked maildrop. */
  void enterTransaction(String principal, Maildrop snapshot) {
    maildrop = new OpenMaildrop(principal, snapshot);
    state = Pop3State.TRANSACTION;
  }

  /** The maildrop of the TRANSACTION state. */
  OpenMaildrop maildrop() {
    if (maildrop == null) {
      throw new IllegalStateException("no maildrop open in state " + state);
    }
    return maildrop;
  }

  /** QUIT from TRANSACTION: removal of deleted messages is under way (RFC 1939 §6). */
  void enterUpdate() {
    state = Pop3State.UPDATE;
  }

  /** Releases the maildrop, if any, and closes the connection after what was written. */
  void close(Output out) {
    releaseMaildrop();
    state = Pop3State.CLOSED;
    out.close();
  }

  private void releaseMaildrop() {
    if (maildrop == null) {
      return;
    }
    String principal = maildrop.principal();
    List<String> retrieved = maildrop.retrievedIds();
    maildrop = null;
    if (!retrieved.isEmpty()) {
      try {
        backend.markSeen(principal, retrieved);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "POP3 could not mark the messages of " + principal + " seen", e);
      }
    }
    try {
      backend.closeMaildrop(principal);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "POP3 could not release the maildrop of " + principal, e);
    }
  }
}
