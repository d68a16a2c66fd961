package dev.yubin.connector;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.ProtocolSessionFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives one connection's engine. Network events arrive on the event loop; the engine runs on the
 * worker pool, one step at a time per connection.
 *
 * <p>Back-pressure (docs/adr/0002): the connection reads only when the engine has taken all input,
 * its output has reached the socket and the channel is writable. Input goes to the engine a line at
 * a time, and a step ends early once it has queued {@link ChannelOutput#STEP_OUTPUT_LIMIT}; the
 * rest waits for the client to take that output. So a client that pipelines without reading holds
 * at most one read of input and one step of output, and pipelined retrievals open one message at a
 * time.
 *
 * <p>Time: a {@link RequestDeadline} per connection, renewed by each response and stopped while the
 * engine works. A client that does not take its output by then is disconnected without a word (it
 * would not read one); otherwise the engine says goodbye ({@link ProtocolSession#idle}).
 *
 * <p>Compression (IMAP COMPRESS): once the reply that starts it is out, a {@link DeflateHandler}
 * sits inside TLS, and input it inflates comes here a chunk per read, under the same rule. Bulk
 * transfers extend the deadline by what they take on the wire, not by what they inflate to.
 *
 * <p>Wakes: a session may ask, from any thread, for a {@link ProtocolSession#wake} (IMAP IDLE on
 * new mail). The wake is a step like any other, taken on the session's next turn: after the current
 * step's output has reached the client, before more input. Requests before that turn come to one
 * wake. What a wake writes is not an answer to the client, so it does not renew the deadline.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = Logger.getLogger(SessionHandler.class.getName());

  private final ProtocolSessionFactory factory;
  private final TlsContext tls;
  private final SerialExecutor serial;

  // Used by engine steps, which run one at a time, and by the event loop between them.
  private ProtocolSession session;
  private ChannelOutput out;
  private boolean closed;

  // Set from any thread by the session's waker, cleared on the event loop when the wake is taken.
  private final AtomicBoolean wakeRequested = new AtomicBoolean();

  // Used on the event loop only.
  private ChannelHandlerContext ctx;
  private final Deque<Received> input = new ArrayDeque<>();
  private RequestDeadline deadline;
  private boolean stepping;
  private boolean awaitingWritable;
  private DeflateHandler compression;

  /** Bytes from the client that the engine has not had yet. */
  private static final class Received {
    final byte[] data;
    int position;

    Received(byte[] data) {
      this.data = data;
    }

    boolean isEmpty() {
      return position == data.length;
    }

    /** Where the next line ends: after its LF, or at the end of what arrived. */
    int lineEnd() {
      for (int i = position; i < data.length; i++) {
        if (data[i] == '\n') {
          return i + 1;
        }
      }
      return data.length;
    }
  }

  /** What the event loop needs to know about a step that ended. */
  private record StepEnd(
      boolean renewsDeadline,
      long bytesTaken,
      Duration limit,
      boolean receivingData,
      boolean startTls,
      boolean startCompression,
      boolean closing) {}

  SessionHandler(ProtocolSessionFactory factory, TlsContext tls, Executor workers) {
    this.factory = factory;
    this.tls = tls;
    this.serial = new SerialExecutor(workers);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    Channel channel = ctx.channel();
    channel.config().setAutoRead(false);
    deadline = new RequestDeadline(ctx.executor(), this::deadlinePassed);
    out = new ChannelOutput(channel, sent -> deadline.extendFor(sentOnWire(sent)));
    ConnectionInfo info = connectionInfo(channel);
    step(
        true,
        () -> {
          session = factory.newSession(info, this::requestWake);
          session.open(out);
          return 0;
        });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    try {
      if (buf.isReadable()) {
        input.add(new Received(ByteBufUtil.getBytes(buf)));
      }
    } finally {
      buf.release();
    }
    if (!stepping) {
      proceed(); // and if the read brought nothing, read again
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (awaitingWritable && ctx.channel().isWritable()) {
      awaitingWritable = false;
      proceed();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (deadline != null) {
      deadline.stop();
    }
    input.clear();
    serial.execute(
        () -> {
          if (session != null && !closed) {
            closed = true;
            session.closed();
          }
        });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof IOException)) {
      LOG.log(Level.WARNING, "connection from " + ctx.channel().remoteAddress() + " failed", cause);
    }
    ctx.close();
  }

  /** Gives the engine the next input, a line at a time, until it is gone or a step is full. */
  private void receive() {
    Received next = input.peek();
    step(
        true,
        () -> {
          long taken = 0;
          while (!next.isEmpty()
              && !out.isFull()
              && !out.closeRequested()
              && !out.tlsRequested()
              && !out.compressionRequested()) {
            int from = next.position;
            next.position = next.lineEnd();
            taken += next.position - from;
            session.receive(next.data, from, next.position - from, out);
          }
          return taken;
        });
  }

  /** The session's waker: cheap and safe from any thread; one wake for requests until it runs. */
  private void requestWake() {
    if (!wakeRequested.compareAndSet(false, true)) {
      return;
    }
    try {
      ctx.executor().execute(this::wakeIfIdle);
    } catch (RejectedExecutionException shuttingDown) {
      // the adapter is stopping, and the connection with it
    }
  }

  private void wakeIfIdle() {
    if (!stepping && ctx.channel().isActive()) {
      wake();
    } // else proceed() takes it once the current step's output is out
  }

  private void wake() {
    wakeRequested.set(false); // a request from now on gets a wake of its own
    step(
        false,
        () -> {
          session.wake(out);
          return 0;
        });
  }

  /**
   * Runs an engine step on the worker pool with the clock stopped; then sends its output.
   *
   * @param answersClient whether output of this step is a response to the client, which renews the
   *     deadline
   * @param work calls the engine; answers how many bytes of input it took
   */
  private void step(boolean answersClient, LongSupplier work) {
    stepping = true;
    deadline.stop();
    Channel channel = ctx.channel();
    serial.execute(
        () -> {
          if (closed || !channel.isActive()) {
            return;
          }
          long taken = 0;
          try {
            taken = work.getAsLong();
          } catch (RuntimeException | Error e) {
            // Closed either way: a connection whose step never ends would hold its slot forever.
            LOG.log(Level.SEVERE, "engine failed; closing " + channel.remoteAddress(), e);
            out.close();
          }
          if (session == null) {
            channel.close();
            return;
          }
          StepEnd end =
              new StepEnd(
                  answersClient && out.hasPending(),
                  taken,
                  session.idleTimeout(),
                  session.receivingData(),
                  out.takeTlsRequest() && tls != null && !out.closeRequested(),
                  out.takeCompressionRequest() && !out.closeRequested(),
                  out.closeRequested());
          ctx.executor().execute(() -> stepEnded(end));
        });
  }

  /** Restarts the clock and sends the step's output; what comes next waits until it is sent. */
  private void stepEnded(StepEnd end) {
    if (!ctx.channel().isActive()) {
      out.discard(); // gone meanwhile: close what the step opened, start no timer
      return;
    }
    if (end.renewsDeadline()) {
      deadline.renew(end.limit());
    } else if (end.receivingData()) {
      deadline.extendFor(receivedOnWire(end.bytesTaken()));
    }
    deadline.start();
    if (input.peek() != null && input.peek().isEmpty()) {
      input.poll();
    }
    out.flush()
        .addListener(
            f -> {
              if (f.isSuccess() && !end.closing()) {
                sent(end);
              }
            });
  }

  private void sent(StepEnd end) {
    if (end.startCompression()) {
      startCompression();
    }
    if (end.startTls()) {
      // The reply went out in clear; everything after it is TLS (RFC 3207 §4), and what the
      // client sent before the handshake is not to be trusted (RFC 3207 §4.2).
      ctx.pipeline().addFirst("tls", tls.newHandler(ctx.alloc()));
      input.clear();
    }
    if (ctx.channel().isWritable()) {
      proceed();
    } else {
      awaitingWritable = true;
    }
  }

  /**
   * The reply went out plain; everything after it is DEFLATE both ways (RFC 4978 §3), inside TLS if
   * there is TLS. What the client sent after the command is compressed already: it is inflated
   * first.
   */
  private void startCompression() {
    List<byte[]> pipelined = new ArrayList<>();
    for (Received received : input) {
      if (!received.isEmpty()) {
        pipelined.add(Arrays.copyOfRange(received.data, received.position, received.data.length));
      }
    }
    input.clear();
    compression = new DeflateHandler(pipelined);
    ChannelHandlerContext tlsContext = ctx.pipeline().context(SslHandler.class);
    if (tlsContext != null) {
      ctx.pipeline().addAfter(tlsContext.name(), "deflate", compression);
    } else {
      ctx.pipeline().addFirst("deflate", compression);
    }
  }

  /** Bytes of input on the wire for what the engine took: bulk transfers pay for those. */
  private long receivedOnWire(long taken) {
    return compression == null ? taken : compression.receivedOnWire(taken);
  }

  private long sentOnWire(long sent) {
    return compression == null ? sent : compression.sentOnWire(sent);
  }

  /** The client has taken our output: wake the session if it asked, go on with input, or read. */
  private void proceed() {
    stepping = false;
    if (wakeRequested.get()) {
      wake();
    } else if (!input.isEmpty()) {
      receive();
    } else {
      ctx.read();
    }
  }

  private void deadlinePassed() {
    if (stepping) {
      ctx.close(); // it has not taken our last output, so it would not read a goodbye either
      return;
    }
    step(
        true,
        () -> {
          session.idle(out);
          return 0;
        });
  }

  private static ConnectionInfo connectionInfo(Channel channel) {
    InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
    InetSocketAddress local = (InetSocketAddress) channel.localAddress();
    boolean secure = channel.pipeline().get(SslHandler.class) != null;
    return new ConnectionInfo(
        remote.getAddress().getHostAddress(),
        remote.getPort(),
        local.getAddress().getHostAddress(),
        local.getPort(),
        secure);
  }
}
