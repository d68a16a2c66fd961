package dev.yubin.protocol.smtp;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.LineAssembler;
import dev.yubin.protocol.LineAssembler.Line;
import dev.yubin.protocol.Output;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import dev.yubin.protocol.sasl.SaslMechanism;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The server side of one SMTP connection (RFC 5321), free of I/O. It frames lines, hands each
 * command line to its {@link SmtpCommand} and each DATA line to a {@link MessageReceiver}, writes
 * replies in order (so pipelined input, RFC 2920, just works), counts errors, and keeps the state
 * and the mail transaction that commands read and change.
 *
 * <p>Input is taken one line at a time, so that what follows a line can be treated otherwise: after
 * STARTTLS the rest of the input is discarded (RFC 3207 §4.2), during AUTH lines are SASL
 * responses.
 */
public final class SmtpSession implements ProtocolSession {

  /** A text line is at most 1000 octets with CRLF (RFC 5321 §4.5.3.1.6); commands get the same. */
  static final int MAX_LINE_LENGTH = 1000 - 2;

  static final System.Logger LOG = System.getLogger(SmtpSession.class.getName());

  private final SmtpConfig config;
  private final SmtpBackend backend;
  private final SmtpCommands commands;
  private final List<SaslMechanism> mechanisms;
  private final AuthFailureLimiter authFailures;
  private final LineAssembler lines = new LineAssembler(MAX_LINE_LENGTH);

  private ConnectionInfo connection;
  private SmtpState state = SmtpState.CONNECTED;
  private String heloName;
  private boolean extended;
  private String authenticatedUser;
  private AuthExchange auth;
  private MailTransaction transaction;
  private MessageReceiver message;
  private ChunkReceiver chunk;
  private boolean skippingOverlongLine;
  private boolean discardingInput;
  private int errors;

  SmtpSession(
      SmtpConfig config,
      SmtpBackend backend,
      SmtpCommands commands,
      List<SaslMechanism> mechanisms,
      AuthFailureLimiter authFailures,
      ConnectionInfo connection) {
    this.config = config;
    this.backend = backend;
    this.commands = commands;
    this.mechanisms = mechanisms;
    this.authFailures = authFailures;
    this.connection = connection;
  }

  /** RFC 5321 §4.2: the greeting. Like HELO and EHLO, it has no enhanced status code. */
  @Override
  public void open(Output out) {
    SmtpResponse.plain(220, config.hostname() + " ESMTP Yubin").writeTo(out);
  }

  @Override
  public void receive(byte[] data, int offset, int length, Output out) {
    int position = offset;
    int end = offset + length;
    while (state != SmtpState.CLOSED) {
      if (chunk != null) {
        int count = (int) Math.min(chunk.remaining(), end - position);
        chunk.accept(data, position, count);
        position += count;
        if (chunk.remaining() > 0) {
          return;
        }
        respond(finishChunk(), out);
        continue;
      }
      if (position == end) {
        return;
      }
      position += lines.feedOne(data, position, end - position, line -> accept(line, out));
      if (discardingInput) {
        // RFC 3207 §4.2: what the client sent before the TLS handshake is not to be trusted.
        discardingInput = false;
        lines.reset();
        return;
      }
    }
  }

  /** RFC 5321 §4.5.3.2: the client was silent too long. */
  @Override
  public void idle(Output out) {
    if (state != SmtpState.CLOSED) {
      respond(SmtpResponse.of(SmtpReplies.timeout(config.hostname())).thenClose(), out);
    }
  }

  @Override
  public void closed() {
    end();
  }

  /**
   * RFC 5321 §4.5.3.2: the command timeout for each command, the data timeout for the message
   * content (DATA, or a BDAT chunk), as deadlines: see {@link ProtocolSession#idleTimeout()}.
   */
  @Override
  public Duration idleTimeout() {
    return receivingData() ? config.dataTimeout() : config.commandTimeout();
  }

  @Override
  public boolean receivingData() {
    return state == SmtpState.DATA || state == SmtpState.BDAT;
  }

  private void accept(Line line, Output out) {
    if (state == SmtpState.CLOSED) {
      return;
    }
    if (state == SmtpState.DATA) {
      if (message.accept(line)) {
        respond(finishMessage(), out);
      }
      return;
    }
    if (state == SmtpState.AUTH) {
      SmtpResponse response = auth.accept(line);
      if (response != null) {
        respond(response, out);
      }
      return;
    }
    if (!line.terminated()) {
      skippingOverlongLine = true;
      return;
    }
    if (skippingOverlongLine) {
      skippingOverlongLine = false;
      respond(SmtpResponse.of(SmtpReplies.LINE_TOO_LONG), out);
      return;
    }
    respond(execute(line), out);
  }

  private SmtpResponse execute(Line line) {
    Optional<CommandLine> commandLine = CommandLine.parse(line.bytes());
    if (commandLine.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.BAD_CHARACTERS);
    }
    Optional<SmtpCommand> command = commands.find(commandLine.get().verb());
    if (command.isEmpty()) {
      return SmtpResponse.of(SmtpReplies.UNKNOWN_COMMAND);
    }
    for (Precondition precondition : command.get().preconditions()) {
      if (!precondition.isMetBy(this)) {
        return SmtpResponse.of(precondition.failure());
      }
    }
    try {
      return command.get().execute(this, commandLine.get().argument());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "SMTP command failed: " + commandLine.get().verb(), e);
      return SmtpResponse.of(SmtpReplies.TEMPORARY_FAILURE);
    }
  }

  /** End of data: deliver or reject, then reset the transaction whatever the outcome. */
  private SmtpResponse finishMessage() {
    MessageReceiver received = message;
    message = null;
    if (received.failure().isPresent()) {
      resetTransaction();
      return SmtpResponse.of(received.failure().get());
    }
    return deliver(received.sink());
  }

  /** The end of a BDAT chunk: its reply, or the delivery reply after LAST (RFC 3030 §2). */
  private SmtpResponse finishChunk() {
    ChunkReceiver received = chunk;
    chunk = null;
    state = restingState();
    if (received.refusal() != null) {
      if (received.resetsTransaction()) {
        resetTransaction();
      }
      return SmtpResponse.of(received.refusal());
    }
    transaction.addChunk(received.size());
    if (received.isLast()) {
      return deliver(transaction.takeChunkSink());
    }
    return SmtpResponse.of(Reply.of(250, "2.0.0", received.size() + " octets received"));
  }

  /** Hands the message to the backend; the transaction ends whatever the outcome. */
  private SmtpResponse deliver(MessageSink content) {
    Envelope envelope = transaction.envelope();
    resetTransaction();
    try {
      return SmtpResponse.of(backend.deliver(info(), envelope, content));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "delivery failed", e);
      return SmtpResponse.of(SmtpReplies.TEMPORARY_FAILURE);
    }
  }

  /** BDAT: the next octets are a chunk; the reply waits for them. */
  SmtpResponse readChunk(ChunkReceiver receiver) {
    if (transaction != null) {
      transaction.markChunked();
    }
    chunk = receiver;
    state = SmtpState.BDAT;
    return SmtpResponse.deferred();
  }

  private void respond(SmtpResponse response, Output out) {
    response.writeTo(out);
    if (response.closesConnection()) {
      end();
    } else if (response.startsTls()) {
      tlsStarted();
    } else if (response.isError() && ++errors >= config.maxErrors()) {
      SmtpResponse.of(SmtpReplies.tooManyErrors(config.hostname())).thenClose().writeTo(out);
      end();
    }
  }

  private void end() {
    resetTransaction();
    auth = null;
    state = SmtpState.CLOSED;
  }

  /**
   * RFC 3207 §4.2: the session starts over, secure, knowing nothing from before the handshake; the
   * rest of the input is discarded.
   */
  private void tlsStarted() {
    resetTransaction();
    heloName = null;
    extended = false;
    authenticatedUser = null;
    connection =
        new ConnectionInfo(
            connection.remoteAddress(),
            connection.remotePort(),
            connection.localAddress(),
            connection.localPort(),
            true);
    state = SmtpState.CONNECTED;
    discardingInput = true;
  }

  // What commands read and change.

  SmtpConfig config() {
    return config;
  }

  SmtpBackend backend() {
    return backend;
  }

  SmtpState state() {
    return state;
  }

  /** The open mail transaction, or null. */
  MailTransaction transaction() {
    return transaction;
  }

  boolean isExtended() {
    return extended;
  }

  ConnectionInfo connection() {
    return connection;
  }

  boolean isSecure() {
    return connection.secure();
  }

  boolean isAuthenticated() {
    return authenticatedUser != null;
  }

  /** Whether AUTH may start now: offered, and over TLS if the policy says so. */
  boolean isAuthAllowedNow() {
    return config.authOffered() && (isSecure() || !config.authRequiresTls());
  }

  List<SaslMechanism> mechanisms() {
    return mechanisms;
  }

  AuthFailureLimiter authFailures() {
    return authFailures;
  }

  /** What the backend may know of this session. */
  SmtpSessionInfo info() {
    return new SmtpSessionInfo(connection, heloName, extended, authenticatedUser);
  }

  /** A challenge went out: the next lines are SASL responses. */
  void continueAuth(AuthExchange exchange) {
    auth = exchange;
    state = SmtpState.AUTH;
  }

  void authenticated(String identity) {
    authenticatedUser = identity;
  }

  /** The AUTH exchange is over, whatever its outcome. */
  void endAuth() {
    auth = null;
    state = restingState();
  }

  /** HELO or EHLO: a new start, with no transaction (RFC 5321 §4.1.4). */
  void greet(String name, boolean esmtp) {
    resetTransaction();
    heloName = name;
    extended = esmtp;
    state = SmtpState.GREETED;
  }

  void startTransaction(String reversePath, boolean smtpUtf8, DsnRequest dsn) {
    transaction = new MailTransaction(reversePath, smtpUtf8, dsn);
    state = SmtpState.MAIL;
  }

  void addRecipient(Recipient recipient) {
    transaction.addRecipient(recipient);
    state = SmtpState.RCPT;
  }

  void startData(MessageSink sink) {
    message = new MessageReceiver(sink, config.maxMessageSize());
    state = SmtpState.DATA;
  }

  /**
   * The one place where transaction data is dropped: RSET, HELO/EHLO, the end of data, and the end
   * of the session (which discards a message still arriving).
   */
  void resetTransaction() {
    if (message != null) {
      message.abort();
      message = null;
    }
    if (transaction != null) {
      transaction.discard();
    }
    chunk = null;
    transaction = null;
    state = restingState();
  }

  /** Where the dialogue stands between commands, from the greeting and the transaction. */
  private SmtpState restingState() {
    if (heloName == null) {
      return SmtpState.CONNECTED;
    }
    if (transaction == null) {
      return SmtpState.GREETED;
    }
    return transaction.recipientCount() == 0 ? SmtpState.MAIL : SmtpState.RCPT;
  }
}
