package dev.yubin.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.Output;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.ProtocolSessionFactory;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport over real loopback sockets, with a toy engine that echoes lines. */
class ListenerTest {

  private final CountDownLatch closedSessions = new CountDownLatch(1);
  private ExecutorService threads;
  private NioEventLoopGroup loops;
  private WorkerPool workers;
  private Listener listener;
  private int port;

  /** Greets, echoes each line upper-cased, streams a body on BODY, closes on BYE and when idle. */
  private final class EchoSession implements ProtocolSession {
    private final StringBuilder line = new StringBuilder();

    @Override
    public void open(Output out) {
      out.writeLine("HELLO");
    }

    @Override
    public void receive(byte[] data, int offset, int length, Output out) {
      for (int i = offset; i < offset + length; i++) {
        char c = (char) data[i];
        if (c == '\n') {
          String command = line.toString().strip();
          line.setLength(0);
          if (command.equals("BYE")) {
            out.writeLine("BYE");
            out.close();
            return;
          } else if (command.equals("BODY")) {
            out.write(new ByteArrayInputStream("x\r\n".repeat(50_000).getBytes()));
            out.writeLine("END");
          } else if (command.equals("PART")) {
            out.write(new Prefix(new ByteArrayInputStream("x\r\n".repeat(50_000).getBytes()), 30));
            out.writeLine("END");
          } else {
            out.writeLine(command.toUpperCase());
          }
        } else {
          line.append(c);
        }
      }
    }

    @Override
    public void idle(Output out) {
      out.writeLine("TIMEOUT");
      out.close();
    }

    @Override
    public void closed() {
      closedSessions.countDown();
    }

    @Override
    public Duration idleTimeout() {
      return Duration.ofMillis(500);
    }
  }

  /**
   * The first {@code length} octets of a longer stream, whose available() still counts the rest (as
   * a stream over a file channel positioned at a message part does).
   */
  private static final class Prefix extends FilterInputStream {
    private long remaining;

    Prefix(InputStream in, long length) {
      super(in);
      remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      remaining--;
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, remaining));
      remaining -= Math.max(n, 0);
      return n;
    }
  }

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    threads = Executors.newCachedThreadPool();
    loops = new NioEventLoopGroup(1, threads);
    workers = new WorkerPool(2, threads);
    listener =
        new Listener(
            "TEST",
            new InetSocketAddress("127.0.0.1", port),
            new ProtocolSessionFactory() {
              @Override
              public ProtocolSession newSession(ConnectionInfo connection) {
                return new EchoSession();
              }

              @Override
              public String busyLine() {
                return "BUSY";
              }
            },
            null,
            false,
            new ConnectionLimiter(100, 2));
    listener.start(loops, loops, workers);
  }

  @AfterEach
  void stop() throws Exception {
    listener.stop();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    workers.stop();
    threads.shutdownNow();
  }

  @Test
  void greetsRunsTheEngineAndClosesWhenAsked() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      BufferedReader in = reader(socket);
      OutputStream out = socket.getOutputStream();
      assertThat(in.readLine()).isEqualTo("HELLO");
      out.write("one\r\ntwo\r\nBYE\r\nnever\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("ONE");
      assertThat(in.readLine()).isEqualTo("TWO");
      assertThat(in.readLine()).isEqualTo("BYE");
      assertThat(in.readLine()).as("connection closed after BYE").isNull();
    }
    assertThat(closedSessions.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void streamsContentInOrderWithLaterLines() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      BufferedReader in = reader(socket);
      in.readLine();
      socket.getOutputStream().write("BODY\r\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 50_000; i++) {
        assertThat(in.readLine()).isEqualTo("x");
      }
      assertThat(in.readLine()).isEqualTo("END");
    }
  }

  /** The end of a stream is where read() says so: available() is only an estimate. */
  @Test
  void aStreamEndsWhereItsReadsEndWhateverAvailableSays() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      BufferedReader in = reader(socket);
      in.readLine();
      socket.getOutputStream().write("PART\r\nafter\r\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 10; i++) {
        assertThat(in.readLine()).isEqualTo("x");
      }
      assertThat(in.readLine()).isEqualTo("END");
      assertThat(in.readLine()).isEqualTo("AFTER");
    }
  }

  @Test
  void idleClientsAreToldAndDisconnected() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      BufferedReader in = reader(socket);
      assertThat(in.readLine()).isEqualTo("HELLO");
      assertThat(in.readLine()).isEqualTo("TIMEOUT");
      assertThat(in.readLine()).isNull();
    }
  }

  @Test
  void aClientThatVanishesEndsItsSession() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      reader(socket).readLine();
      socket.getOutputStream().write("half a li".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(closedSessions.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void connectionsOverTheLimitAreToldAndClosed() throws Exception {
    try (Socket first = new Socket("127.0.0.1", port);
        Socket second = new Socket("127.0.0.1", port)) {
      assertThat(reader(first).readLine()).isEqualTo("HELLO");
      assertThat(reader(second).readLine()).isEqualTo("HELLO");
      try (Socket third = new Socket("127.0.0.1", port)) {
        BufferedReader in = reader(third);
        assertThat(in.readLine()).isEqualTo("BUSY");
        assertThat(in.readLine()).isNull();
      }
    }
  }

  private static BufferedReader reader(Socket socket) throws Exception {
    socket.setSoTimeout(10_000);
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
  }
}
