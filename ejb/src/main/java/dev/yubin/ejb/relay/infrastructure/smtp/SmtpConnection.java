package dev.yubin.ejb.relay.infrastructure.smtp;

import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import dev.yubin.protocol.CrlfInputStream;
import dev.yubin.protocol.DotStuffingInputStream;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.smtp.Xtext;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP session with one next hop, opened by {@link SmtpClient#connect}: greeting, EHLO (HELO
 * when EHLO is refused), STARTTLS per policy. {@link #send} runs one mail transaction and may be
 * called again for further messages (RSET goes first); {@link #quit} ends the session. Never throws
 * for network or protocol trouble: once the session has failed, every further {@code send} reports
 * its recipients deferred with the reason. Not thread-safe: one thread at a time.
 *
 * @see "RFC 5321 §3.3 (mail transactions), §4.5.3.2 (timeouts); RFC 2920 (PIPELINING)"
 */
public final class SmtpConnection implements AutoCloseable {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final int CHUNK = 64 * 1024;

  private final HostAndPort target;
  private final ClientSettings settings;
  private final ScheduledExecutorService scheduler;
  private final SSLContext unverified;

  private Socket socket;
  private ReplyReader in;
  private GuardedOutputStream guard;
  private OutputStream out;
  private EhloKeywords keywords = EhloKeywords.NONE;
  private boolean esmtp;
  private boolean tls;
  private int transactions;
  private SessionException failure;
  private volatile boolean closed;
  private Instant deadline = Instant.MAX;
  private boolean cutShort;

  SmtpConnection(
      HostAndPort target,
      ClientSettings settings,
      ScheduledExecutorService scheduler,
      SSLContext unverified) {
    this.target = target;
    this.settings = settings;
    this.scheduler = scheduler;
    this.unverified = unverified;
  }

  /** Connects, reads the greeting, says EHLO or HELO, and starts TLS per policy. */
  void open() {
    try {
      connect();
      greeting();
      hello();
      if (settings.tlsPolicy() != TlsPolicy.NONE) {
        startTls();
      }
    } catch (SessionException e) {
      fail(e);
    }
  }

  /**
   * From now on no step of the session (connecting, a reply, a write) waits past {@code when},
   * except the server's verdict on a message whose content was sent: giving up on that would send
   * the message again. A step that reaches it fails the session like a timeout.
   */
  void deadline(Instant when) {
    deadline = when;
  }

  /** The host, address and port of the other end. */
  public HostAndPort target() {
    return target;
  }

  /** Whether {@link #send} can still run a transaction. */
  public boolean isOpen() {
    return failure == null && !closed;
  }

  /** Whether the session runs under TLS. */
  public boolean isTls() {
    return tls;
  }

  /** Whether the server took EHLO (else HELO, and no extensions). */
  public boolean isEsmtp() {
    return esmtp;
  }

  /** The EHLO keywords the server offered (after STARTTLS, those offered then). */
  public java.util.Set<String> extensions() {
    return keywords.names();
  }

  /** Why the session failed, if it did. */
  public Optional<ConnectionOutcome> failure() {
    return failure == null ? Optional.empty() : Optional.of(failure.outcome);
  }

  ConnectionOutcome failureOutcome() {
    return failure == null ? ConnectionOutcome.OK : failure.outcome;
  }

  /**
   * Runs one mail transaction for the message and reports every recipient's outcome; never throws
   * for network or protocol trouble.
   */
  public DeliveryReport send(OutboundMessage message) {
    Transaction t = new Transaction(message);
    if (failure != null) {
      t.settleRest(failure);
      return report(t, failure);
    }
    if (closed) {
      SessionException e =
          SessionException.local(
              ConnectionOutcome.CONNECTION_LOST, 451, "4.4.2", "session already ended");
      t.settleRest(e);
      return report(t, e);
    }
    try {
      Reply refused = precheck(message);
      if (refused != null) {
        t.settleRest(DeliveryStatus.FAILED, refused, false);
        return report(t, null);
      }
      if (transactions++ > 0) {
        command("RSET", settings.timeouts().command(), "RSET");
      }
      transaction(t);
      return report(t, null);
    } catch (SessionException e) {
      fail(e);
      t.settleRest(e);
      return report(t, e);
    }
  }

  /**
   * Readies a session that has run transactions for the next one with RSET, which also proves it
   * still works (a server may have closed an idle session). Returns false, the session then closed,
   * when it no longer works; nothing of a message has been sent on it.
   */
  public boolean reset() {
    if (!isOpen()) {
      return false;
    }
    if (transactions == 0) {
      return true;
    }
    try {
      command("RSET", settings.timeouts().command(), "RSET");
      transactions = 0;
      return true;
    } catch (SessionException e) {
      fail(e);
      return false;
    }
  }

  /** Sends QUIT (when the session still works) and closes the connection. Never throws. */
  public void quit() {
    quit(settings.timeouts().command());
  }

  /**
   * As {@link #quit()}, waiting at most {@code patience} for the reply (an idle session being
   * closed has nothing left to lose).
   */
  public void quit(Duration patience) {
    if (closed) {
      return;
    }
    if (failure == null && socket != null) {
      try {
        politeQuit(patience);
      } catch (IOException e) {
        // Closing anyway; the transactions' outcomes are already known.
      }
    }
    closeSocket();
  }

  /** Same as {@link #quit}. */
  @Override
  public void close() {
    quit();
  }

  // ---- session set-up ---------------------------------------------------------------------

  private void connect() throws SessionException {
    Socket s = new Socket();
    socket = s;
    try {
      InetSocketAddress address =
          target.address() == null
              ? new InetSocketAddress(target.host(), target.port())
              : new InetSocketAddress(target.address(), target.port());
      if (address.isUnresolved()) {
        throw SessionException.local(
            ConnectionOutcome.CONNECT_FAILED,
            451,
            "4.4.1",
            "host " + target.host() + " has no address");
      }
      if (settings.sourceAddress().isPresent()) {
        s.bind(new InetSocketAddress(settings.sourceAddress().get(), 0));
      }
      s.setTcpNoDelay(true);
      s.connect(address, millis(within(settings.timeouts().connect(), "connecting")));
      streams(s);
    } catch (IOException e) {
      throw SessionException.local(
          ConnectionOutcome.CONNECT_FAILED,
          451,
          "4.4.1",
          cutShort
              ? "attempt deadline reached while connecting to " + target
              : "connect to " + target + " failed: " + describe(e));
    }
  }

  private void streams(Socket s) throws IOException {
    in = new ReplyReader(s.getInputStream(), s);
    guard =
        new GuardedOutputStream(
            s.getOutputStream(), scheduler, settings.timeouts().command(), this::closeSocket);
    out = new BufferedOutputStream(guard, CHUNK);
  }

  private void greeting() throws SessionException {
    ServerReply greeting = read(settings.timeouts().greeting(), "the greeting");
    if (greeting.code() == 220) {
      return;
    }
    if (greeting.isTransient() || greeting.isPermanent()) {
      // RFC 5321 §3.1: after a 554 greeting the client should QUIT.
      try {
        politeQuit(settings.timeouts().command());
      } catch (IOException e) {
        // The server refused us already; its reply is what counts.
      }
      boolean permanent = greeting.isPermanent() && settings.rejectingGreetingIsPermanent();
      throw new SessionException(
          ConnectionOutcome.GREETING_REFUSED, greeting.toReply(), true, permanent);
    }
    throw protocolError("unexpected greeting " + greeting);
  }

  private void hello() throws SessionException {
    ServerReply ehlo =
        exchange("EHLO " + settings.heloName(), settings.timeouts().command(), "EHLO");
    if (ehlo.isPositive()) {
      esmtp = true;
      keywords = EhloKeywords.parse(ehlo);
      return;
    }
    checkClosing(ehlo);
    if (!ehlo.isPermanent()) {
      throw new SessionException(ConnectionOutcome.GREETING_REFUSED, ehlo.toReply(), true, false);
    }
    // RFC 5321 §3.2: a server that does not know EHLO answers 500/502 (or 504, 550): fall back.
    ServerReply helo =
        exchange("HELO " + settings.heloName(), settings.timeouts().command(), "HELO");
    if (!helo.isPositive()) {
      checkClosing(helo);
      throw new SessionException(ConnectionOutcome.GREETING_REFUSED, helo.toReply(), true, false);
    }
    esmtp = false;
    keywords = EhloKeywords.NONE;
  }

  private void startTls() throws SessionException {
    TlsPolicy policy = settings.tlsPolicy();
    if (!keywords.has("STARTTLS")) {
      if (policy.requiresTls()) {
        throw SessionException.local(
            ConnectionOutcome.TLS_UNAVAILABLE,
            451,
            "4.7.4",
            "TLS is required, but was not offered by " + target.host());
      }
      return;
    }
    ServerReply reply = exchange("STARTTLS", settings.timeouts().command(), "STARTTLS");
    if (reply.code() != 220) {
      checkClosing(reply);
      if (policy.requiresTls()) {
        throw new SessionException(ConnectionOutcome.TLS_FAILED, reply.toReply(), true, false);
      }
      return; // opportunistic: go on in plain text, as Postfix does
    }
    if (in.hasBuffered()) {
      // Plain-text bytes after the 220 would be taken as TLS-protected replies (CVE-2011-0411).
      throw protocolError("data after the STARTTLS reply");
    }
    handshake(policy);
    keywords = EhloKeywords.NONE;
    ServerReply ehlo =
        exchange("EHLO " + settings.heloName(), settings.timeouts().command(), "EHLO");
    if (!ehlo.isPositive()) {
      checkClosing(ehlo);
      throw new SessionException(ConnectionOutcome.GREETING_REFUSED, ehlo.toReply(), true, false);
    }
    keywords = EhloKeywords.parse(ehlo);
  }

  private void handshake(TlsPolicy policy) throws SessionException {
    Socket plain = socket;
    Duration patience = within(settings.timeouts().command(), "the TLS handshake");
    ScheduledFuture<?> alarm =
        scheduler.schedule(this::closeSocket, patience.toNanos(), TimeUnit.NANOSECONDS);
    try {
      SSLContext context =
          policy == TlsPolicy.VERIFY
              ? settings.trust().orElse(SSLContext.getDefault())
              : unverified;
      SSLSocket ssl =
          (SSLSocket)
              context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
      ssl.setUseClientMode(true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setProtocols(
          Arrays.stream(ssl.getSupportedProtocols())
              .filter(p -> p.equals("TLSv1.3") || p.equals("TLSv1.2"))
              .toArray(String[]::new));
      if (!isAddressLiteral(target.host())) {
        try {
          parameters.setServerNames(List.of(new SNIHostName(target.host())));
        } catch (IllegalArgumentException e) {
          // Not a valid SNI name: connect without SNI.
        }
      }
      if (policy == TlsPolicy.VERIFY) {
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 6125 name checks
      }
      ssl.setSSLParameters(parameters);
      ssl.setSoTimeout(millis(patience));
      ssl.startHandshake();
      socket = ssl;
      streams(ssl);
      tls = true;
    } catch (IOException | java.security.GeneralSecurityException e) {
      closeSocket();
      throw SessionException.local(
          ConnectionOutcome.TLS_FAILED,
          451,
          "4.7.5",
          "TLS handshake with " + target + " failed: " + describe(e));
    } finally {
      alarm.cancel(false);
    }
  }

  // ---- the transaction ----------------------------------------------------------------------

  /** Limits that make this server unable to take the message at all, before anything is sent. */
  private Reply precheck(OutboundMessage message) {
    if (message.needsSmtpUtf8() && !keywords.has("SMTPUTF8")) {
      return Reply.of(
          553, "5.6.7", target.host() + " does not support SMTPUTF8, which this message needs");
    }
    long limit = keywords.sizeLimit();
    if (limit > 0 && message.size() > limit) {
      return Reply.of(
          552,
          "5.3.4",
          "message size "
              + message.size()
              + " exceeds the limit of "
              + limit
              + " octets at "
              + target.host());
    }
    return null;
  }

  private void transaction(Transaction t) throws SessionException {
    OutboundMessage message = t.message;
    String mail = mailCommand(message);
    List<String> rcpts = message.recipients().stream().map(this::rcptCommand).toList();
    Timeouts timeouts = settings.timeouts();
    if (keywords.has("PIPELINING")) {
      // RFC 2920 §3.1: MAIL, every RCPT and DATA in one group, then the replies in order.
      write(mail);
      for (String rcpt : rcpts) {
        write(rcpt);
      }
      write("DATA");
      flush(timeouts.mail(), "MAIL");
      ServerReply mailReply = read(timeouts.mail(), "MAIL");
      List<ServerReply> rcptReplies = new ArrayList<>();
      for (int i = 0; i < rcpts.size(); i++) {
        rcptReplies.add(read(timeouts.rcpt(), "RCPT"));
      }
      ServerReply dataReply = read(timeouts.dataInitiation(), "DATA");
      expectCompletion(mailReply, "MAIL");
      for (ServerReply r : rcptReplies) {
        expectCompletion(r, "RCPT");
      }
      checkClosing(mailReply);
      if (!mailReply.isPositive()) {
        t.settleRest(mailReply);
        endRefusedData(dataReply);
        return;
      }
      for (int i = 0; i < rcpts.size(); i++) {
        t.rcpt(i, rcptReplies.get(i));
      }
      for (ServerReply r : rcptReplies) {
        checkClosing(r);
      }
      if (t.accepted.isEmpty()) {
        endRefusedData(dataReply);
        return;
      }
      checkClosing(dataReply);
      data(t, dataReply);
    } else {
      ServerReply mailReply = exchange(mail, timeouts.mail(), "MAIL");
      expectCompletion(mailReply, "MAIL");
      checkClosing(mailReply);
      if (!mailReply.isPositive()) {
        t.settleRest(mailReply);
        return;
      }
      for (int i = 0; i < rcpts.size(); i++) {
        ServerReply r = exchange(rcpts.get(i), timeouts.rcpt(), "RCPT");
        expectCompletion(r, "RCPT");
        checkClosing(r);
        t.rcpt(i, r);
      }
      if (t.accepted.isEmpty()) {
        return; // no DATA; the next transaction starts with RSET, or QUIT ends it
      }
      ServerReply dataReply = exchange("DATA", timeouts.dataInitiation(), "DATA");
      checkClosing(dataReply);
      data(t, dataReply);
    }
  }

  /** After DATA's reply: send the content on 354, else its reply settles the accepted ones. */
  private void data(Transaction t, ServerReply dataReply) throws SessionException {
    if (dataReply.code() != 354) {
      if (dataReply.isPositive()) {
        throw protocolError("DATA answered " + dataReply);
      }
      t.settleAccepted(dataReply);
      return;
    }
    content(t.message);
    ServerReply done = verdict();
    checkClosing(done);
    t.settleAccepted(done);
  }

  /**
   * No recipient was accepted, yet DATA was pipelined: if the server still said 354, end the empty
   * message at once (RFC 2920 §3.1) and ignore its reply.
   */
  private void endRefusedData(ServerReply dataReply) throws SessionException {
    if (dataReply.code() == 354) {
      write(".");
      flush(settings.timeouts().dataBlock(), "DATA");
      read(settings.timeouts().dataTermination(), "the end of DATA");
    }
  }

  private void content(OutboundMessage message) throws SessionException {
    byte[] chunk = new byte[CHUNK];
    try (InputStream source = openContent(message);
        InputStream dotted = new DotStuffingInputStream(new CrlfInputStream(source))) {
      while (true) {
        int n;
        try {
          n = dotted.readNBytes(chunk, 0, chunk.length);
        } catch (IOException e) {
          // Never send the final dot after a partial read: that would deliver a truncated message.
          closeSocket();
          throw SessionException.local(
              ConnectionOutcome.LOCAL_ERROR,
              451,
              "4.3.0",
              "local error reading the message: " + describe(e));
        }
        if (n == 0) {
          break;
        }
        try {
          guard.timeout(within(settings.timeouts().dataBlock(), "sending the message"));
          out.write(chunk, 0, n);
        } catch (IOException e) {
          throw ioFailure(e, "sending the message");
        }
      }
      try {
        guard.timeout(within(settings.timeouts().dataBlock(), "sending the message"));
        out.flush();
      } catch (IOException e) {
        throw ioFailure(e, "sending the message");
      }
    } catch (IOException e) {
      // Closing the content failed after it was read whole: harmless.
    }
  }

  private InputStream openContent(OutboundMessage message) throws SessionException {
    try {
      return message.content().open();
    } catch (IOException e) {
      closeSocket();
      throw SessionException.local(
          ConnectionOutcome.LOCAL_ERROR,
          451,
          "4.3.0",
          "local error opening the message: " + describe(e));
    }
  }

  private String mailCommand(OutboundMessage m) {
    StringBuilder c = new StringBuilder("MAIL FROM:<").append(m.sender()).append('>');
    if (keywords.has("SIZE")) {
      c.append(" SIZE=").append(m.size());
    }
    if ((m.eightBit() || m.needsSmtpUtf8()) && keywords.has("8BITMIME")) {
      c.append(" BODY=8BITMIME");
    }
    // Without 8BITMIME an 8-bit message is sent as it is (no downgrade): most servers take it.
    if (m.needsSmtpUtf8()) {
      c.append(" SMTPUTF8");
    }
    if (keywords.has("DSN")) {
      m.ret().ifPresent(r -> c.append(" RET=").append(r.name()));
      m.envelopeId().ifPresent(id -> c.append(" ENVID=").append(Xtext.encode(id)));
    }
    return c.toString();
  }

  private String rcptCommand(Recipient r) {
    StringBuilder c = new StringBuilder("RCPT TO:<").append(r.address()).append('>');
    if (keywords.has("DSN")) {
      if (!r.notifyOn().isEmpty()) {
        c.append(" NOTIFY=")
            .append(
                r.notifyOn().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
      }
      r.originalRecipient()
          .ifPresent(
              o -> {
                int semicolon = o.indexOf(';');
                c.append(" ORCPT=")
                    .append(o, 0, semicolon)
                    .append(';')
                    .append(Xtext.encode(o.substring(semicolon + 1)));
              });
    }
    return c.toString();
  }

  // ---- wire helpers -------------------------------------------------------------------------

  private ServerReply exchange(String command, Duration timeout, String what)
      throws SessionException {
    write(command);
    flush(timeout, what);
    return read(timeout, what);
  }

  private void command(String command, Duration timeout, String what) throws SessionException {
    ServerReply reply = exchange(command, timeout, what);
    checkClosing(reply);
    if (!reply.isPositive()) {
      throw new SessionException(ConnectionOutcome.PROTOCOL_ERROR, reply.toReply(), true, false);
    }
  }

  /** QUIT and its reply, failures left to the caller. */
  private void politeQuit(Duration patience) throws IOException {
    out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
    flush(patience);
    in.read(patience);
  }

  private void write(String line) throws SessionException {
    try {
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.write(CRLF);
    } catch (IOException e) {
      throw ioFailure(e, "sending " + line.split(" ")[0]);
    }
  }

  private void flush(Duration timeout) throws IOException {
    guard.timeout(timeout);
    out.flush();
  }

  private void flush(Duration timeout, String what) throws SessionException {
    try {
      flush(within(timeout, "sending " + what));
    } catch (IOException e) {
      throw ioFailure(e, "sending " + what);
    }
  }

  private ServerReply read(Duration timeout, String what) throws SessionException {
    try {
      return in.read(within(timeout, "waiting for the reply to " + what));
    } catch (IOException e) {
      throw ioFailure(e, "waiting for the reply to " + what);
    }
  }

  /**
   * The reply after the final dot, waited for in full whatever the deadline (RFC 5321 §4.5.3.2.6:
   * giving up early is what duplicates messages).
   */
  private ServerReply verdict() throws SessionException {
    cutShort = false;
    try {
      return in.read(settings.timeouts().dataTermination());
    } catch (IOException e) {
      throw ioFailure(e, "waiting for the reply to the end of DATA");
    }
  }

  /** {@code step}, or less if the deadline comes sooner; fails the session when it has passed. */
  private Duration within(Duration step, String doing) throws SessionException {
    if (deadline.equals(Instant.MAX)) {
      cutShort = false;
      return step;
    }
    Duration left = Duration.between(Instant.now(), deadline);
    if (left.isNegative() || left.isZero()) {
      closeSocket();
      throw SessionException.local(
          ConnectionOutcome.TIMEOUT,
          451,
          socket == null || in == null ? "4.4.1" : "4.4.2",
          "attempt deadline reached before " + doing + " (" + target + ")");
    }
    cutShort = left.compareTo(step) < 0;
    return cutShort ? left : step;
  }

  /** A 1yz or 3yz reply where only 2yz, 4yz or 5yz make sense. */
  private void expectCompletion(ServerReply reply, String what) throws SessionException {
    if (reply.code() < 400 && !reply.isPositive()) {
      throw protocolError(what + " answered " + reply);
    }
  }

  private void checkClosing(ServerReply reply) throws SessionException {
    if (reply.code() == 421) {
      throw new SessionException(ConnectionOutcome.SERVICE_CLOSING, reply.toReply(), true, false);
    }
  }

  private SessionException protocolError(String detail) {
    return SessionException.local(
        ConnectionOutcome.PROTOCOL_ERROR,
        451,
        "4.4.2",
        "protocol error with " + target + ": " + oneLine(detail));
  }

  private SessionException ioFailure(IOException e, String doing) {
    if (e instanceof SmtpProtocolException) {
      return protocolError(e.getMessage() + " while " + doing);
    }
    boolean timeout = e instanceof SocketTimeoutException || (guard != null && guard.timedOut());
    if (timeout) {
      boolean noAnswer = doing.endsWith("the greeting");
      return SessionException.local(
          ConnectionOutcome.TIMEOUT,
          451,
          noAnswer ? "4.4.1" : "4.4.2",
          (cutShort ? "attempt deadline reached " : "timeout ") + doing + " from " + target);
    }
    String how = e instanceof EOFException ? "connection closed" : describe(e);
    return SessionException.local(
        ConnectionOutcome.CONNECTION_LOST,
        451,
        "4.4.2",
        "lost connection with " + target + " while " + doing + ": " + how);
  }

  private void fail(SessionException e) {
    if (failure == null) {
      failure = e;
    }
    closeSocket();
  }

  private void closeSocket() {
    closed = true;
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // Already gone.
      }
    }
  }

  private DeliveryReport report(Transaction t, SessionException e) {
    return new DeliveryReport(
        target,
        e == null ? ConnectionOutcome.OK : e.outcome,
        e == null ? Optional.empty() : Optional.of(e.reply),
        t.results(),
        tls,
        keywords.has("DSN"));
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  private static boolean isAddressLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    String text =
        e.getClass().getSimpleName()
            + (message == null || message.isEmpty() ? "" : " (" + message + ")");
    if (e instanceof SSLException && e.getCause() != null && e.getCause().getMessage() != null) {
      text += ": " + e.getCause().getMessage();
    }
    return oneLine(text);
  }

  private static String oneLine(String text) {
    String s = text.replaceAll("[\\r\\n]+", " ");
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }

  /** The per-recipient state of one transaction. */
  private static final class Transaction {
    final OutboundMessage message;
    final RecipientResult[] results;
    final List<Integer> accepted = new ArrayList<>();

    Transaction(OutboundMessage message) {
      this.message = message;
      this.results = new RecipientResult[message.recipients().size()];
    }

    void rcpt(int index, ServerReply reply) {
      if (reply.isPositive()) {
        accepted.add(index);
      } else {
        results[index] = fromRemote(index, reply);
      }
    }

    void settleAccepted(ServerReply reply) {
      for (int index : accepted) {
        results[index] = fromRemote(index, reply);
      }
    }

    void settleRest(ServerReply reply) {
      for (int i = 0; i < results.length; i++) {
        if (results[i] == null) {
          results[i] = fromRemote(i, reply);
        }
      }
    }

    void settleRest(SessionException e) {
      settleRest(e.status(), e.reply, e.remote);
    }

    void settleRest(DeliveryStatus status, Reply reply, boolean remote) {
      for (int i = 0; i < results.length; i++) {
        if (results[i] == null) {
          results[i] = new RecipientResult(message.recipients().get(i), status, reply, remote);
        }
      }
    }

    private RecipientResult fromRemote(int index, ServerReply reply) {
      DeliveryStatus status =
          reply.isPositive()
              ? DeliveryStatus.DELIVERED
              : reply.isPermanent() ? DeliveryStatus.FAILED : DeliveryStatus.DEFERRED;
      return new RecipientResult(message.recipients().get(index), status, reply.toReply(), true);
    }

    List<RecipientResult> results() {
      return Arrays.asList(results.clone());
    }
  }
}
