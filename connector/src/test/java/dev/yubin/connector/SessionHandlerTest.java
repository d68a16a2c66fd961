package dev.yubin.connector;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.Output;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.ProtocolSessionFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session transport on an {@link EmbeddedChannel}: engine steps run when the test drains the
 * worker queue, time is frozen and advanced by the test, and a {@link Peer} stands for the client,
 * taking the server's output at once or only when told (a client that does not read).
 */
class SessionHandlerTest {

  static final Duration DEADLINE = Duration.ofSeconds(10);
  static final String REPLY = "250-" + "x".repeat(200) + "\r\n";

  @TempDir static Path data;

  private final Queue<Runnable> workers = new ArrayDeque<>();
  private final Peer peer = new Peer();
  private final Engine engine = new Engine();
  private EmbeddedChannel channel;

  /** A toy line protocol, with what the tests need to observe. */
  private static final class Engine implements ProtocolSession {
    private final StringBuilder line = new StringBuilder();
    final List<String> lines = new ArrayList<>();
    final List<String> received = new ArrayList<>();
    boolean inData;
    boolean idled;
    boolean closed;
    int openStreams;
    int mostOpenStreams;
    Runnable afterRetr = () -> {};
    Runnable waker;
    int wakes;
    int wakeBytes;

    @Override
    public void open(Output out) {
      out.writeLine("HELLO");
    }

    @Override
    public void receive(byte[] data, int offset, int length, Output out) {
      received.add(new String(data, offset, length, US_ASCII));
      for (int i = offset; i < offset + length; i++) {
        if (data[i] != '\n') {
          line.append((char) data[i]);
          continue;
        }
        String command = line.toString().strip();
        line.setLength(0);
        lines.add(command);
        if (inData) {
          if (command.equals(".")) {
            inData = false;
            out.writeLine("250 STORED");
          }
        } else if (command.equals("EHLO x")) {
          out.write(REPLY.getBytes(US_ASCII));
        } else if (command.equals("RETR")) {
          out.writeLine("+OK");
          out.write(message());
          out.writeLine(".");
          afterRetr.run();
        } else if (command.equals("RECURSE")) {
          throw new StackOverflowError("a parser gone too deep");
        } else if (command.equals("NOTIFY")) {
          waker.run(); // as a backend would, from another thread, while the engine works
          out.writeLine("OK NOTIFY");
        } else if (command.equals("DATA")) {
          inData = true;
          out.writeLine("354 GO");
        } else if (command.equals("COMPRESS")) {
          out.writeLine("OK DEFLATE");
          out.startCompression();
        } else if (command.equals("STARTTLS")) {
          out.writeLine("220 GO");
          out.startTls(); // and relies on the transport to drop what came with it
        } else {
          out.writeLine("OK " + command);
        }
      }
    }

    /** 100 KB, counted as open from the moment RETR answers until the transport closes it. */
    private InputStream message() {
      openStreams++;
      mostOpenStreams = Math.max(mostOpenStreams, openStreams);
      return new ByteArrayInputStream("m".repeat(100_000).getBytes(US_ASCII)) {
        @Override
        public void close() {
          openStreams--;
        }
      };
    }

    @Override
    public void wake(Output out) {
      wakes++;
      out.writeLine("WOKEN " + wakes);
      out.write(new byte[wakeBytes]);
    }

    @Override
    public void idle(Output out) {
      idled = true;
      out.writeLine("TIMEOUT");
      out.close();
    }

    @Override
    public void closed() {
      closed = true;
    }

    @Override
    public Duration idleTimeout() {
      return DEADLINE;
    }

    @Override
    public boolean receivingData() {
      return inData;
    }
  }

  /**
   * The client's end of the socket. When not reading, it holds what the server sends (the writes
   * stay incomplete) and, past 64 KiB, makes the channel unwritable, as a full socket buffer does.
   */
  private static final class Peer extends ChannelOutboundHandlerAdapter {
    private final StringBuilder taken = new StringBuilder();
    private final List<ByteBuf> held = new ArrayList<>();
    private final List<ChannelPromise> promises = new ArrayList<>();
    private ChannelHandlerContext ctx;
    boolean reading = true;
    long heldBytes;
    int readRequests;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      ByteBuf buf = (ByteBuf) msg;
      if (reading) {
        taken.append(buf.toString(US_ASCII));
        buf.release();
        promise.setSuccess();
        return;
      }
      held.add(buf);
      promises.add(promise);
      heldBytes += buf.readableBytes();
      if (heldBytes >= 64 * 1024) {
        ctx.channel().unsafe().outboundBuffer().setUserDefinedWritability(1, false);
      }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
      readRequests++;
      ctx.read();
    }

    /** Reads everything held so far. */
    void take() {
      List<ChannelPromise> done = new ArrayList<>(promises);
      held.forEach(
          b -> {
            taken.append(b.toString(US_ASCII));
            b.release();
          });
      held.clear();
      promises.clear();
      heldBytes = 0;
      ctx.channel().unsafe().outboundBuffer().setUserDefinedWritability(1, true);
      done.forEach(ChannelPromise::setSuccess);
    }

    String text() {
      return taken.toString();
    }
  }

  private void connect(TlsContext tls) {
    channel =
        new EmbeddedChannel(
            peer, new ChunkedWriteHandler(), new SessionHandler(factory(), tls, workers::add)) {
          @Override
          protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("192.0.2.1", 40000);
          }

          @Override
          protected SocketAddress localAddress0() {
            return new InetSocketAddress("192.0.2.25", 25);
          }
        };
    channel.freezeTime();
    drain();
    assertThat(peer.text()).isEqualTo("HELLO\r\n");
  }

  private void connect() {
    connect(null);
  }

  /** Hands the transport's waker to the engine, as a session that waits on events keeps it. */
  private ProtocolSessionFactory factory() {
    return new ProtocolSessionFactory() {
      @Override
      public ProtocolSession newSession(ConnectionInfo connection) {
        throw new AssertionError("the transport gives every session a waker");
      }

      @Override
      public ProtocolSession newSession(ConnectionInfo connection, Runnable waker) {
        engine.waker = waker;
        return engine;
      }
    };
  }

  /** Runs engine steps and event-loop tasks until neither has any left. */
  private void drain() {
    do {
      for (Runnable task = workers.poll(); task != null; task = workers.poll()) {
        task.run();
      }
      channel.runPendingTasks();
    } while (!workers.isEmpty());
  }

  private void send(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, US_ASCII));
    drain();
  }

  private void advance(Duration time) {
    channel.advanceTimeBy(time.toMillis(), TimeUnit.MILLISECONDS);
    drain();
  }

  @Test
  void aClientThatPipelinesWithoutReadingIsReadNoFurtherThanOneStepOfOutput() {
    connect();
    peer.reading = false;
    int readsBefore = peer.readRequests;

    send("EHLO x\r\n".repeat(10_000));

    int limit = ChannelOutput.STEP_OUTPUT_LIMIT / REPLY.length() + 1;
    assertThat(engine.lines).hasSizeLessThanOrEqualTo(limit);
    assertThat(peer.heldBytes)
        .isLessThanOrEqualTo(ChannelOutput.STEP_OUTPUT_LIMIT + REPLY.length());
    assertThat(peer.readRequests).as("no more reading").isEqualTo(readsBefore);
    while (engine.lines.size() < 10_000) {
      int before = engine.lines.size();
      peer.take();
      drain();
      assertThat(engine.lines.size() - before).isPositive().isLessThanOrEqualTo(limit);
      assertThat(peer.heldBytes)
          .isLessThanOrEqualTo(ChannelOutput.STEP_OUTPUT_LIMIT + REPLY.length());
    }
    peer.take();
    drain();
    assertThat(peer.readRequests)
        .as("reading again once all is answered")
        .isGreaterThan(readsBefore);
    assertThat(peer.text()).hasSize("HELLO\r\n".length() + 10_000 * REPLY.length());
  }

  @Test
  void pipelinedRetrievalsOpenOneMessageAtATime() {
    connect();
    peer.reading = false;

    send("RETR\r\n".repeat(50));
    System.err.println(
        "DBG received="
            + engine.received.size()
            + " held="
            + peer.heldBytes
            + " text="
            + peer.text().length());

    assertThat(engine.mostOpenStreams).isEqualTo(1);
    while (engine.lines.size() < 50 || engine.openStreams > 0) {
      peer.take();
      drain();
      assertThat(peer.heldBytes).isLessThan(2 * ChannelOutput.STEP_OUTPUT_LIMIT);
    }
    assertThat(engine.mostOpenStreams).isEqualTo(1);
    peer.take();
    assertThat(peer.text().split("\\+OK", -1)).hasSize(51);
  }

  @Test
  void aClientThatTricklesACommandIsCutOffAtTheCommandDeadline() {
    connect();
    for (int second = 0; second < 30 && !engine.idled; second += 2) {
      send("N");
      advance(Duration.ofSeconds(2));
    }
    assertThat(engine.idled).isTrue();
    assertThat(peer.text()).endsWith("TIMEOUT\r\n");
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  void eachResponseRenewsTheDeadlineAndSilenceEndsIt() {
    connect();
    for (int second = 0; second < 60; second += 6) {
      send("PING\r\n");
      advance(Duration.ofSeconds(6));
    }
    assertThat(engine.idled).isFalse();
    assertThat(peer.text()).contains("OK PING");

    advance(DEADLINE.minusSeconds(6));
    assertThat(engine.idled).isTrue();
  }

  @Test
  void theEngineTimeDoesNotCount() {
    connect();
    send("PI");
    advance(Duration.ofSeconds(9));
    channel.writeInbound(Unpooled.copiedBuffer("NG\r\n", US_ASCII));
    channel.advanceTimeBy(5, TimeUnit.SECONDS); // while the engine is busy with the line
    channel.runPendingTasks();
    drain();
    assertThat(peer.text()).endsWith("OK PING\r\n");
    assertThat(engine.idled).isFalse();
  }

  @Test
  void bulkContentExtendsTheDeadlineAtTheMinimumRate() {
    connect();
    send("DATA\r\n");
    String block = ("y".repeat(1022) + "\r\n").repeat(8); // 8 KiB: 16 s at 500 bytes/s
    for (int second = 0; second < 120; second += 12) {
      send(block);
      advance(Duration.ofSeconds(12));
    }
    send(".\r\n");
    assertThat(engine.idled).isFalse();
    assertThat(peer.text()).endsWith("250 STORED\r\n");
  }

  @Test
  void aTrickleOfContentIsCutOffAtTheDataDeadline() {
    connect();
    send("DATA\r\n");
    for (int second = 0; second < 60 && !engine.idled; second += 2) {
      send("y");
      advance(Duration.ofSeconds(2));
    }
    assertThat(engine.idled).isTrue();
  }

  @Test
  void compressedContentExtendsTheDeadlineByItsBytesOnTheWire() {
    connect();
    send("COMPRESS\r\n");
    Deflater client = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    sendCompressed(client, "DATA\r\n");
    String block = ("y".repeat(1022) + "\r\n").repeat(8); // 16 s if inflated bytes counted
    for (int second = 0; second < 120 && !engine.idled; second += 12) {
      sendCompressed(client, block);
      advance(Duration.ofSeconds(12));
    }
    assertThat(engine.idled).isTrue();
  }

  private void sendCompressed(Deflater deflater, String text) {
    channel.writeInbound(Unpooled.wrappedBuffer(DeflateHandlerTest.compress(deflater, text)));
    drain();
  }

  @Test
  void aSlowButSteadyReaderOfALargeResponseGetsTimeAtTheMinimumRate() {
    connect();
    peer.reading = false;
    send("RETR\r\n");
    for (int second = 0; second < 64 && engine.openStreams > 0; second += 8) {
      advance(Duration.ofSeconds(8));
      peer.take();
      drain();
    }
    assertThat(channel.isActive()).isTrue();
    assertThat(engine.openStreams).isZero();
    peer.take();
    assertThat(peer.text()).endsWith("m.\r\n");
  }

  @Test
  void aClientThatDoesNotTakeItsRepliesIsDisconnectedAtTheDeadline() {
    connect();
    peer.reading = false;
    send("EHLO x\r\n".repeat(10_000));

    advance(DEADLINE);

    assertThat(channel.isActive()).isFalse();
    drain();
    assertThat(engine.closed).isTrue();
  }

  @Test
  void aClientThatLeavesDuringAStepLeavesNoTimerAndNoOpenStream() {
    connect();
    engine.afterRetr = channel::close; // the client leaves while the engine answers

    send("RETR\r\n");

    assertThat(engine.mostOpenStreams).isEqualTo(1);
    assertThat(engine.openStreams).isZero();
    assertThat(engine.closed).isTrue();
    assertThat(channel.runScheduledPendingTasks()).as("no timer left").isEqualTo(-1);
  }

  @Test
  void severalReadsInOneBurstShareOneDeadline() {
    connect();
    for (int second = 0; second < 60; second += 4) {
      for (int record = 0; record < 3; record++) {
        channel.pipeline().fireChannelRead(Unpooled.copiedBuffer("PING\r\n", US_ASCII));
      }
      channel.pipeline().fireChannelReadComplete();
      drain();
      advance(Duration.ofSeconds(4));
    }
    assertThat(engine.idled).isFalse();
    assertThat(engine.lines).hasSize(45);
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  void inputThatCameWithStartTlsIsDropped() {
    connect(new TlsContext(SelfSignedCertificate.ensure(data, "mx.test"), Clock.systemUTC()));

    send("NOOP\r\nSTARTTLS\r\nMAIL FROM:<injected@attacker.test>\r\n");

    assertThat(engine.lines).containsExactly("NOOP", "STARTTLS");
    assertThat(channel.pipeline().get(SslHandler.class)).isNotNull();
  }

  @Test
  void aWakeFromAnyThreadRunsOnTheSessionsTurnAndRequestsBeforeItComeToOne() throws Exception {
    connect();
    Thread backend =
        new Thread(
            () -> {
              engine.waker.run();
              engine.waker.run();
              engine.waker.run();
            });
    backend.start();
    backend.join();
    drain();
    assertThat(engine.wakes).isEqualTo(1);
    assertThat(peer.text()).isEqualTo("HELLO\r\nWOKEN 1\r\n");

    engine.waker.run();
    drain();
    assertThat(engine.wakes).isEqualTo(2);
  }

  @Test
  void aWakeAskedForDuringAStepRunsAfterThatStepsOutputIsSent() {
    connect();
    send("NOTIFY\r\nPING\r\n");
    assertThat(engine.wakes).isEqualTo(1);
    assertThat(peer.text()).isEqualTo("HELLO\r\nOK NOTIFY\r\nOK PING\r\nWOKEN 1\r\n");
    send("PING\r\n");
    assertThat(peer.text()).endsWith("WOKEN 1\r\nOK PING\r\n");
  }

  @Test
  void aWakeWaitsUntilTheClientHasTakenTheOutputBeforeIt() {
    connect();
    peer.reading = false;
    engine.wakeBytes = ChannelOutput.STEP_OUTPUT_LIMIT;
    engine.waker.run();
    drain();
    assertThat(engine.wakes).isEqualTo(1);

    engine.waker.run();
    drain();
    assertThat(engine.wakes).as("not while the last wake's output waits").isEqualTo(1);

    peer.take();
    drain();
    assertThat(engine.wakes).isEqualTo(2);
  }

  @Test
  void whatAWakeWritesDoesNotRenewTheDeadline() {
    connect();
    advance(Duration.ofSeconds(6));
    engine.waker.run();
    drain();
    assertThat(peer.text()).endsWith("WOKEN 1\r\n");

    advance(DEADLINE.minusSeconds(6));
    assertThat(engine.idled).isTrue();
  }

  @Test
  void aWakeAfterTheConnectionClosedIsIgnored() {
    connect();
    channel.close();
    drain();
    engine.waker.run();
    drain();
    assertThat(engine.wakes).isZero();
  }

  @Test
  void anEngineThatFailsWithAnErrorHasItsConnectionClosed() {
    connect();
    send("RECURSE\r\n");
    assertThat(channel.isActive()).isFalse();
    assertThat(engine.closed).isTrue();
  }

  @Test
  void aReadThatBringsNothingIsFollowedByAnotherRead() {
    connect();
    int readsBefore = peer.readRequests;
    send("");
    assertThat(peer.readRequests).isGreaterThan(readsBefore);
    send("PING\r\n");
    assertThat(peer.text()).endsWith("OK PING\r\n");
  }

  @Test
  void theEngineSeesTheConnection() {
    ConnectionInfo[] seen = new ConnectionInfo[1];
    channel =
        new EmbeddedChannel(
            new SessionHandler(
                c -> {
                  seen[0] = c;
                  return engine;
                },
                null,
                workers::add)) {
          @Override
          protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("192.0.2.1", 40000);
          }

          @Override
          protected SocketAddress localAddress0() {
            return new InetSocketAddress("192.0.2.25", 25);
          }
        };
    drain();
    assertThat(seen[0]).isEqualTo(new ConnectionInfo("192.0.2.1", 40000, "192.0.2.25", 25, false));
  }
}
