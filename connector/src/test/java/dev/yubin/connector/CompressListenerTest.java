package dev.yubin.connector;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.Output;
import dev.yubin.protocol.ProtocolSession;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMAP-style COMPRESS over real sockets, plain and under TLS, with a client that compresses with
 * the JDK's Deflater and inflates with its Inflater.
 */
class CompressListenerTest {

  /** The toy engine's line limit, as the IMAP engine has one. */
  static final int LINE_LIMIT = 8 * 1024;

  static final int BODY_LINES = 100_000;

  @TempDir static Path data;

  private final AtomicInteger largestReceive = new AtomicInteger();
  private ExecutorService threads;
  private NioEventLoopGroup loops;
  private WorkerPool workers;
  private TlsContext tls;
  private Listener listener;
  private int port;

  /**
   * Echoes lines; COMPRESS answers OK and compresses; BODY streams {@link #BODY_LINES} lines; a
   * line over {@link #LINE_LIMIT} is skipped to its end and answered TOOBIG with its length.
   */
  private final class CompressingSession implements ProtocolSession {
    private final StringBuilder line = new StringBuilder();
    private long lineLength;

    @Override
    public void open(Output out) {
      out.writeLine("READY");
    }

    @Override
    public void receive(byte[] data, int offset, int length, Output out) {
      largestReceive.accumulateAndGet(length, Math::max);
      for (int i = offset; i < offset + length; i++) {
        lineLength++;
        if (data[i] != '\n') {
          if (line.length() < LINE_LIMIT) {
            line.append((char) data[i]);
          }
          continue;
        }
        String command = line.toString().strip();
        long length1 = lineLength;
        line.setLength(0);
        lineLength = 0;
        if (length1 > LINE_LIMIT) {
          out.writeLine("TOOBIG " + length1);
        } else if (command.equals("COMPRESS")) {
          out.writeLine("OK");
          out.startCompression();
        } else if (command.equals("BODY")) {
          StringBuilder body = new StringBuilder();
          for (int n = 0; n < BODY_LINES; n++) {
            body.append("line ").append(n).append("\r\n");
          }
          out.write(new ByteArrayInputStream(body.toString().getBytes(US_ASCII)));
          out.writeLine("END");
        } else {
          out.writeLine("ECHO " + command);
        }
      }
    }

    @Override
    public void idle(Output out) {
      out.close();
    }

    @Override
    public void closed() {}

    @Override
    public Duration idleTimeout() {
      return Duration.ofSeconds(30);
    }
  }

  /** The client's side: plain lines until COMPRESS is answered, DEFLATE after. */
  private static final class Client implements AutoCloseable {
    final Socket socket;
    final OutputStream out;
    InputStream in;
    final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);

    Client(Socket socket) throws IOException {
      this.socket = socket;
      socket.setSoTimeout(10_000);
      this.out = socket.getOutputStream();
      this.in = socket.getInputStream();
    }

    void sendPlain(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    void sendCompressed(String text) throws IOException {
      sendPlain(DeflateHandlerTest.compress(deflater, text));
    }

    /** From now on the server's output is inflated; read nothing ahead of this point before. */
    void inflateFromNowOn() {
      in = new InflaterInputStream(in, new Inflater(true));
    }

    /** One line, read a byte at a time so that nothing past it is taken from the stream. */
    String readLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          return null;
        }
        line.write(b);
      }
      String text = line.toString(US_ASCII);
      return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
      deflater.end();
      socket.close();
    }
  }

  @BeforeEach
  void start() {
    threads = Executors.newCachedThreadPool();
    loops = new NioEventLoopGroup(1, threads);
    workers = new WorkerPool(2, threads);
    tls =
        new TlsContext(SelfSignedCertificate.ensure(data, "imap.example.test"), Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    if (listener != null) {
      listener.stop();
    }
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    workers.stop();
    threads.shutdownNow();
  }

  private void listen(boolean implicitTls) throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    listener =
        new Listener(
            "IMAP",
            new InetSocketAddress("127.0.0.1", port),
            c -> new CompressingSession(),
            tls,
            implicitTls,
            new ConnectionLimiter(100, 100));
    listener.start(loops, loops, workers);
  }

  private Client connect(boolean implicitTls) throws Exception {
    listen(implicitTls);
    Socket socket;
    if (implicitTls) {
      SSLSocket secure =
          (SSLSocket) TlsListenerTest.trustAll().getSocketFactory().createSocket("127.0.0.1", port);
      secure.startHandshake();
      socket = secure;
    } else {
      socket = new Socket("127.0.0.1", port);
    }
    Client client = new Client(socket);
    assertThat(client.readLine()).isEqualTo("READY");
    return client;
  }

  /** Sends COMPRESS (with what follows it in the same write) and reads the plain OK. */
  private static void compress(Client client, byte[] pipelined) throws IOException {
    ByteArrayOutputStream write = new ByteArrayOutputStream();
    write.writeBytes("COMPRESS\r\n".getBytes(US_ASCII));
    write.writeBytes(pipelined);
    client.sendPlain(write.toByteArray());
    assertThat(client.readLine()).isEqualTo("OK");
    client.inflateFromNowOn();
  }

  @Test
  void afterTheOkBothDirectionsAreCompressed() throws Exception {
    try (Client client = connect(false)) {
      client.sendPlain("hello\r\n".getBytes(US_ASCII));
      assertThat(client.readLine()).isEqualTo("ECHO hello");
      compress(client, new byte[0]);
      for (int n = 0; n < 3; n++) {
        client.sendCompressed("ping " + n + "\r\n");
        assertThat(client.readLine()).isEqualTo("ECHO ping " + n);
      }
    }
  }

  @Test
  void commandsCompressedInTheSameWriteAsCompressAreInflatedNotLost() throws Exception {
    try (Client client = connect(false)) {
      compress(client, DeflateHandlerTest.compress(client.deflater, "one\r\ntwo\r\n"));
      assertThat(client.readLine()).isEqualTo("ECHO one");
      assertThat(client.readLine()).isEqualTo("ECHO two");
      client.sendCompressed("three\r\n");
      assertThat(client.readLine()).isEqualTo("ECHO three");
    }
  }

  @Test
  void underTlsCompressionIsInsideTheEncryption() throws Exception {
    try (Client client = connect(true)) {
      compress(client, DeflateHandlerTest.compress(client.deflater, "one\r\n"));
      assertThat(client.readLine()).isEqualTo("ECHO one");
      client.sendCompressed("two\r\n");
      assertThat(client.readLine()).isEqualTo("ECHO two");
      client.sendCompressed("BODY\r\n");
      for (int n = 0; n < BODY_LINES; n++) {
        assertThat(client.readLine()).isEqualTo("line " + n);
      }
      assertThat(client.readLine()).isEqualTo("END");
    }
  }

  @Test
  void aStreamedResponseArrivesWholeAndInOrder() throws Exception {
    try (Client client = connect(false)) {
      compress(client, new byte[0]);
      client.sendCompressed("BODY\r\nafter\r\n");
      for (int n = 0; n < BODY_LINES; n++) {
        assertThat(client.readLine()).isEqualTo("line " + n);
      }
      assertThat(client.readLine()).isEqualTo("END");
      assertThat(client.readLine()).isEqualTo("ECHO after");
    }
  }

  @Test
  void anInflateBombReachesTheEngineAChunkAtATimeWithinItsLineLimit() throws Exception {
    int bombSize = 32 * 1024 * 1024;
    try (Client client = connect(false)) {
      compress(client, new byte[0]);
      largestReceive.set(0);
      // 32 MiB of zeros in a line, then its end: about 32 KiB on the wire.
      client.sendPlain(DeflateHandlerTest.compressedZeros(bombSize));
      client.sendCompressed("\r\nafter\r\n");
      assertThat(client.readLine()).isEqualTo("TOOBIG " + (bombSize + 2));
      assertThat(client.readLine()).isEqualTo("ECHO after");
      assertThat(largestReceive.get()).isLessThanOrEqualTo(DeflateHandler.CHUNK);
    }
  }

  @Test
  void invalidCompressedInputClosesTheConnection() throws Exception {
    try (Client client = connect(false)) {
      compress(client, new byte[0]);
      client.sendPlain("not deflate at all\r\n".getBytes(US_ASCII));
      assertThat(client.socket.getInputStream().read()).isEqualTo(-1);
    }
  }
}
