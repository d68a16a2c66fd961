package dev.yubin.protocol.imap;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.Output;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.imap.backend.ImapBackend;
import dev.yubin.protocol.imap.wire.ArgumentReader;
import dev.yubin.protocol.imap.wire.CommandFramer;
import dev.yubin.protocol.imap.wire.CommandFramer.LiteralTarget;
import dev.yubin.protocol.imap.wire.ImapRequest;
import dev.yubin.protocol.imap.wire.ImapSyntaxException;
import dev.yubin.protocol.imap.wire.LiteralSpec;
import dev.yubin.protocol.imap.wire.ModifiedUtf7;
import dev.yubin.protocol.imap.wire.ResponseLine;
import dev.yubin.protocol.sasl.AuthFailureLimiter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One IMAP connection: frames commands, dispatches each to the {@link ImapCommand} of its name,
 * writes its tagged completion, and keeps what commands share: the state, the principal, the
 * enabled extensions and the view of the selected mailbox.
 *
 * @see "RFC 3501, RFC 9051"
 */
public final class ImapSession implements ProtocolSession, CommandFramer.Handler {

  private static final System.Logger LOG = System.getLogger(ImapSession.class.getName());

  /** Literals before login are small: a user name or password. */
  private static final int MAX_LITERAL_BEFORE_LOGIN = 8 * 1024;

  static final Completion LINE_TOO_LONG = Completion.bad("TOOBIG", "command line too long");

  private final ImapConfig config;
  private final ImapBackend backend;
  private final ImapCommands commands;
  private final AuthFailureLimiter authFailures;
  private final Runnable waker;
  private final CommandFramer framer;
  private ConnectionInfo connection;

  private Output out;
  private ImapState state = ImapState.NOT_AUTHENTICATED;
  private String principal;
  private final Set<String> enabled = new HashSet<>();
  private SelectedMailbox selected;
  private Continuation continuation;
  private boolean stopFraming;
  private boolean compressing;
  private boolean compressionStarting;
  private int errors;

  ImapSession(
      ImapConfig config,
      ImapBackend backend,
      ImapCommands commands,
      AuthFailureLimiter authFailures,
      ConnectionInfo connection,
      Runnable waker) {
    this.config = config;
    this.backend = backend;
    this.commands = commands;
    this.authFailures = authFailures;
    this.connection = connection;
    this.waker = waker;
    this.framer = new CommandFramer(config.maxCommandBytes());
  }

  // ProtocolSession

  @Override
  public void open(Output out) {
    this.out = out;
    untagged()
        .ascii("OK [CAPABILITY " + String.join(" ", capabilities()) + "] ")
        .ascii(config.hostname() + " IMAP4rev1 server ready")
        .writeTo(out);
  }

  @Override
  public void receive(byte[] data, int offset, int length, Output out) {
    this.out = out;
    if (state == ImapState.LOGOUT) {
      return;
    }
    int taken =
        framer.feed(
            data,
            offset,
            length,
            this,
            () -> stopFraming || compressionStarting || state == ImapState.LOGOUT);
    if (compressionStarting) {
      compressionStarting = false;
      if (taken < length) {
        // Compressed already (RFC 4978 §3): only the transport can inflate it.
        throw new IllegalStateException("input past COMPRESS was fed with its line");
      }
    }
    if (stopFraming) {
      // STARTTLS: what followed the command before the handshake is not trusted (RFC 3501
      // §6.2.1); it is dropped with any partial command.
      stopFraming = false;
      framer.reset();
    }
  }

  /** A change was announced for the selected mailbox: IDLE reports it now. */
  @Override
  public void wake(Output out) {
    this.out = out;
    if (continuation != null && state != ImapState.LOGOUT) {
      continuation.wake(this);
    }
  }

  @Override
  public void idle(Output out) {
    this.out = out;
    if (state != ImapState.LOGOUT) {
      untagged().ascii("BYE Autologout; idle for too long").writeTo(out);
      logout();
    }
  }

  @Override
  public void closed() {
    if (continuation != null) {
      continuation.abandon(this);
      continuation = null;
    }
    framer.reset();
    deselect();
    state = ImapState.LOGOUT;
  }

  @Override
  public Duration idleTimeout() {
    return state == ImapState.NOT_AUTHENTICATED ? config.loginTimeout() : config.idleTimeout();
  }

  /** An APPEND's message (or another accepted literal) is arriving. */
  @Override
  public boolean receivingData() {
    return framer.inLiteral();
  }

  // CommandFramer.Handler

  @Override
  public LiteralTarget literal(ImapRequest partial, LiteralSpec spec) {
    if (continuation != null) {
      // A continuation's line (IDLE's DONE, a SASL response) has no literal: the line so far is
      // the whole of it, and the literal is refused unread.
      command(partial);
      return LiteralTarget.REFUSED;
    }
    String tag = null;
    try {
      ArgumentReader args = partial.arguments();
      tag = args.tag();
      args.space();
      String name = args.keyword();
      if (name.equals("APPEND")
          && state != ImapState.NOT_AUTHENTICATED
          && AppendCommand.isMessageLiteral(partial)) {
        if (spec.size() > config.appendLimit()) {
          return refuse(tag, spec, Completion.no("TOOBIG", "message too large"));
        }
        continueLiteral(spec);
        return LiteralTarget.toSink(backend.newMessage(principal));
      }
    } catch (ImapSyntaxException e) {
      if (tag == null) {
        return refuse(null, spec, Completion.bad("missing tag"));
      }
      // The literal is part of an argument still being read (a mailbox name): keep it.
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "IMAP could not prepare a message literal", e);
      return refuse(tag, spec, Completion.no("UNAVAILABLE", "try again later"));
    }
    long limit =
        state == ImapState.NOT_AUTHENTICATED
            ? Math.min(MAX_LITERAL_BEFORE_LOGIN, config.maxCommandBytes())
            : config.maxCommandBytes();
    if (spec.size() > limit) {
      return refuse(tag, spec, Completion.bad("TOOBIG", "literal too large"));
    }
    continueLiteral(spec);
    return LiteralTarget.IN_MEMORY;
  }

  private void continueLiteral(LiteralSpec spec) {
    if (spec.synchronizing()) {
      out.writeLine("+ Ready for literal data");
    }
  }

  private LiteralTarget refuse(String tag, LiteralSpec spec, Completion completion) {
    complete(tag == null ? "*" : tag, completion);
    return LiteralTarget.REFUSED;
  }

  @Override
  public void command(ImapRequest request) {
    if (state == ImapState.LOGOUT) {
      request.discard();
      return;
    }
    if (continuation != null) {
      continuation.line(this, request);
      return;
    }
    dispatch(request);
  }

  @Override
  public void tooLong(ImapRequest partial) {
    if (continuation != null) {
      continuation.tooLong(this);
    } else {
      complete("*", LINE_TOO_LONG);
    }
  }

  // Dispatch

  private void dispatch(ImapRequest request) {
    ArgumentReader args = request.arguments();
    String tag;
    try {
      tag = args.tag();
    } catch (ImapSyntaxException e) {
      request.discard();
      complete("*", Completion.bad("missing or invalid tag"));
      return;
    }
    ImapCommand command;
    ImapCommand.Request parsed;
    try {
      args.space();
      String name = args.keyword();
      boolean uid = name.equals("UID");
      if (uid) {
        args.space();
        name = args.keyword();
      }
      command = commands.find(name, uid);
      if (command == null) {
        request.discard();
        complete(tag, Completion.bad("unknown command " + (uid ? "UID " : "") + name));
        return;
      }
      parsed = new ImapCommand.Request(tag, name, uid, args);
    } catch (ImapSyntaxException e) {
      request.discard();
      complete(tag, Completion.bad("missing command name"));
      return;
    }
    if (!command.validIn().contains(state)) {
      request.discard();
      complete(
          tag, Completion.bad(command.name() + " is not valid in the " + stateName() + " state"));
      return;
    }
    Completion completion;
    try {
      completion = command.execute(this, parsed);
    } catch (ImapSyntaxException e) {
      request.discard();
      completion = Completion.bad(e.code(), e.getMessage());
    } catch (RuntimeException e) {
      request.discard();
      LOG.log(Level.WARNING, "IMAP " + command.name() + " failed for " + principal, e);
      completion = Completion.no("UNAVAILABLE", "internal error, try again later");
    }
    if (completion == Completion.PENDING) {
      return;
    }
    if (state == ImapState.SELECTED && completion.status() != Completion.Status.BAD) {
      reportUpdates(command.updates(parsed));
    }
    complete(tag, completion);
  }

  /** Writes a tagged (or untagged "*") status response; counts BAD as a client error. */
  void complete(String tag, Completion completion) {
    ResponseLine line = tag.equals("*") ? untagged() : ResponseLine.tagged(tag, utf8());
    line.ascii(completion.status().name()).sp();
    if (completion.code() != null) {
      line.ascii("[" + completion.code() + "] ");
    }
    line.ascii(completion.text()).writeTo(out);
    if (completion.status() == Completion.Status.BAD
        && ++errors >= config.maxErrors()
        && state != ImapState.LOGOUT) {
      untagged().ascii("BYE Too many invalid commands").writeTo(out);
      logout();
    }
  }

  /** Sends what other sessions changed in the selected mailbox, as far as allowed. */
  void reportUpdates(ImapCommand.Updates updates) {
    if (selected == null || updates == ImapCommand.Updates.NONE) {
      return;
    }
    if (!selected.report(this, updates == ImapCommand.Updates.ALL)) {
      untagged().ascii("BYE The selected mailbox no longer exists").writeTo(out);
      logout();
    }
  }

  // What commands use.

  ImapConfig config() {
    return config;
  }

  ImapBackend backend() {
    return backend;
  }

  ImapCommands commands() {
    return commands;
  }

  AuthFailureLimiter authFailures() {
    return authFailures;
  }

  Output out() {
    return out;
  }

  ImapState state() {
    return state;
  }

  String principal() {
    return principal;
  }

  ConnectionInfo connection() {
    return connection;
  }

  /** An untagged response line in this session's string mode. */
  ResponseLine untagged() {
    return ResponseLine.untagged(utf8());
  }

  /** Whether quoted strings may carry UTF-8 (IMAP4rev2 or UTF8=ACCEPT enabled). */
  boolean utf8() {
    return enabled.contains("UTF8=ACCEPT") || enabled.contains("IMAP4REV2");
  }

  boolean isEnabled(String extension) {
    return enabled.contains(extension);
  }

  /** ENABLE (RFC 5161): answers whether the extension was newly enabled. */
  boolean enable(String extension) {
    return enabled.add(extension);
  }

  /** Whether a password may be sent now: under TLS, from this machine, or when configured. */
  boolean cleartextLoginAllowed() {
    return connection.secure() || connection.isLocal() || config.cleartextLoginAllowed();
  }

  boolean isSecure() {
    return connection.secure();
  }

  /** The capabilities to announce now (RFC 3501 §7.2.1). */
  Set<String> capabilities() {
    Set<String> all = new LinkedHashSet<>();
    all.add("IMAP4rev1");
    all.add("IMAP4rev2");
    all.addAll(commands.capabilities(this));
    return all;
  }

  /** A successful login: NOT_AUTHENTICATED becomes AUTHENTICATED. */
  void authenticated(String principal) {
    this.principal = principal;
    state = ImapState.AUTHENTICATED;
  }

  /** STARTTLS answered: TLS starts once the reply is out; input already received is dropped. */
  void startTls() {
    out.startTls();
    connection = connection.secured();
    stopFraming = true;
  }

  /** COMPRESS answered: both directions are compressed once the reply is out. */
  void startCompression() {
    out.startCompression();
    compressing = true;
    compressionStarting = true;
  }

  boolean compressing() {
    return compressing;
  }

  /** SELECT or EXAMINE succeeded. */
  void select(SelectedMailbox mailbox) {
    deselect();
    selected = mailbox;
    selected.watch(this, waker);
    state = ImapState.SELECTED;
  }

  SelectedMailbox selected() {
    return selected;
  }

  /** CLOSE, UNSELECT, a failed SELECT: back to AUTHENTICATED. */
  void deselect() {
    if (selected != null) {
      selected.unwatch();
      selected = null;
    }
    if (state == ImapState.SELECTED) {
      state = ImapState.AUTHENTICATED;
    }
  }

  void setContinuation(Continuation continuation) {
    this.continuation = continuation;
  }

  /** LOGOUT, BYE: closes after what was written. */
  void logout() {
    deselect();
    state = ImapState.LOGOUT;
    out.close();
  }

  /** A client-supplied mailbox name in Unicode: modified UTF-7 unless UTF-8 is enabled. */
  String decodeMailboxName(String wire) {
    String name = wire;
    if (!utf8()) {
      try {
        name = ModifiedUtf7.decode(wire);
      } catch (IllegalArgumentException e) {
        throw new ImapSyntaxException(e.getMessage());
      }
    }
    int slash = name.indexOf('/');
    String first = slash < 0 ? name : name.substring(0, slash);
    if (first.equalsIgnoreCase("INBOX")) {
      name = "INBOX" + (slash < 0 ? "" : name.substring(slash));
    }
    return name;
  }

  /** A mailbox name as this client reads it. */
  String encodeMailboxName(String name) {
    return utf8() ? name : ModifiedUtf7.encode(name);
  }

  private String stateName() {
    return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
