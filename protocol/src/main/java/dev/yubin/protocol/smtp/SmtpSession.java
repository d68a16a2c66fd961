package dev.yubin.protocol.smtp;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.LineAssembler;
import dev.yubin.protocol.LineAssembler.Line;
import dev.yubin.protocol.Output;
import dev.yubin.protocol.ProtocolSession;
import java.time.Duration;
import java.util.Optional;

/**
 * The server side of one SMTP connection (RFC 5321), free of I/O. It frames lines, hands each
 * command line to its {@link SmtpCommand} and each DATA line to a {@link MessageReceiver}, writes
 * replies in order (so pipelined input, RFC 2920, just works), counts errors, and keeps the state
 * and the mail transaction that commands read and change.
 */
public final class SmtpSession implements ProtocolSession {

  /** A text line is at most 1000 octets with CRLF (RFC 5321 §4.5.3.1.6); commands get the same. */
  static final int MAX_LINE_LENGTH = 1000 - 2;

  private static final System.Logger LOG = System.getLogger(SmtpSession.class.getName());

  private final SmtpConfig config;
  private final SmtpBackend backend;
  private final SmtpCommands commands;
  private final ConnectionInfo connection;
  private final LineAssembler lines = new LineAssembler(MAX_LINE_LENGTH);

  private SmtpState state = SmtpState.CONNECTED;
  private String heloName;
  private boolean extended;
  private MailTransaction transaction;
  private MessageReceiver message;
  private boolean skippingOverlongLine;
  private int errors;

  SmtpSession(
      SmtpConfig config, SmtpBackend backend, SmtpCommands commands, ConnectionInfo connection) {
    this.config = config;
    this.backend = backend;
    this.commands = commands;
    this.connection = connection;
  }

  /** RFC 5321 §4.2: the greeting. Like HELO and EHLO, it has no enhanced status code. */
  @Override
  public void open(Output out) {
    SmtpResponse.plain(220, config.hostname() + " ESMTP Yubin").writeTo(out);
  }

  @Override
  public void receive(byte[] data, int offset, int length, Output out) {
    if (state != SmtpState.CLOSED) {
      lines.feed(data, offset, length, line -> accept(line, out));
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

  @Override
  public Duration idleTimeout() {
    return state == SmtpState.DATA ? config.dataTimeout() : config.commandTimeout();
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
    Envelope envelope = transaction.envelope();
    resetTransaction();
    if (received.failure().isPresent()) {
      return SmtpResponse.of(received.failure().get());
    }
    try {
      return SmtpResponse.of(backend.deliver(info(), envelope, received.sink()));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "delivery failed", e);
      return SmtpResponse.of(SmtpReplies.TEMPORARY_FAILURE);
    }
  }

  private void respond(SmtpResponse response, Output out) {
    response.writeTo(out);
    if (response.closesConnection()) {
      end();
    } else if (response.isError() && ++errors >= config.maxErrors()) {
      SmtpResponse.of(SmtpReplies.tooManyErrors(config.hostname())).thenClose().writeTo(out);
      end();
    }
  }

  private void end() {
    resetTransaction();
    state = SmtpState.CLOSED;
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

  /** What the backend may know of this session. */
  SmtpSessionInfo info() {
    return new SmtpSessionInfo(connection, heloName, extended, null);
  }

  /** HELO or EHLO: a new start, with no transaction (RFC 5321 §4.1.4). */
  void greet(String name, boolean esmtp) {
    resetTransaction();
    heloName = name;
    extended = esmtp;
    state = SmtpState.GREETED;
  }

  void startTransaction(String reversePath) {
    transaction = new MailTransaction(reversePath);
    state = SmtpState.MAIL;
  }

  void addRecipient(String forwardPath) {
    transaction.addRecipient(forwardPath);
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
    transaction = null;
    state = heloName == null ? SmtpState.CONNECTED : SmtpState.GREETED;
  }
}
