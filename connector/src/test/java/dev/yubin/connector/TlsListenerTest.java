package dev.yubin.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.Output;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.ProtocolSessionFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS and implicit TLS over real sockets, with the self-signed default identity. */
class TlsListenerTest {

  @TempDir static Path data;

  private ExecutorService threads;
  private NioEventLoopGroup loops;
  private WorkerPool workers;
  private TlsContext tls;

  /** Answers "GO" and starts TLS on STARTTLS, ignoring the rest of that input; echoes otherwise. */
  private static final class StartTlsSession implements ProtocolSession {
    @Override
    public void open(Output out) {
      out.writeLine("READY");
    }

    @Override
    public void receive(byte[] data, int offset, int length, Output out) {
      String text = new String(data, offset, length, StandardCharsets.US_ASCII);
      for (String line : text.split("\r\n")) {
        if (line.equals("STARTTLS")) {
          out.writeLine("GO");
          out.startTls();
          return; // anything pipelined after STARTTLS is discarded (RFC 3207 §4.2)
        }
        out.writeLine("ECHO " + line);
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

  @BeforeEach
  void start() {
    threads = Executors.newCachedThreadPool();
    loops = new NioEventLoopGroup(1, threads);
    workers = new WorkerPool(2, threads);
    tls = new TlsContext(SelfSignedCertificate.ensure(data, "mx.example.test"), Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    workers.stop();
    threads.shutdownNow();
  }

  /** Echoes each line at once; says TIMEOUT and closes when its one-second deadline passes. */
  private static final class QuickSession implements ProtocolSession {
    private final StringBuilder line = new StringBuilder();

    @Override
    public void open(Output out) {
      out.writeLine("READY");
    }

    @Override
    public void receive(byte[] data, int offset, int length, Output out) {
      for (int i = offset; i < offset + length; i++) {
        if (data[i] == '\n') {
          out.writeLine("ECHO " + line.toString().strip());
          line.setLength(0);
        } else {
          line.append((char) data[i]);
        }
      }
    }

    @Override
    public void idle(Output out) {
      out.writeLine("TIMEOUT");
      out.close();
    }

    @Override
    public void closed() {}

    @Override
    public Duration idleTimeout() {
      return Duration.ofSeconds(1);
    }
  }

  /**
   * Sits under the client's SslHandler and holds its flushes back until {@link #release}, so that
   * the records of several writes leave in one TCP write.
   */
  private static final class Batcher extends ChannelOutboundHandlerAdapter {
    private ChannelHandlerContext ctx;
    private boolean holding;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
      if (!holding) {
        ctx.flush();
      }
    }

    /** Sends each line in a record of its own, all in one TCP write. */
    void send(Channel channel, String... lines) throws InterruptedException {
      channel
          .eventLoop()
          .submit(
              () -> {
                holding = true;
                for (String line : lines) {
                  channel.writeAndFlush(
                      Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.US_ASCII));
                }
                holding = false;
                ctx.flush();
              })
          .sync();
    }
  }

  private Listener listen(int port, boolean implicit) throws Exception {
    return listen(port, implicit, c -> new StartTlsSession());
  }

  private Listener listen(int port, boolean implicit, ProtocolSessionFactory sessions)
      throws Exception {
    Listener listener =
        new Listener(
            "TLS",
            new InetSocketAddress("127.0.0.1", port),
            sessions,
            tls,
            implicit,
            new ConnectionLimiter(100, 100));
    listener.start(loops, loops, workers);
    return listener;
  }

  @Test
  void startTlsUpgradesTheConnectionAfterTheReply() throws Exception {
    int port = freePort();
    Listener listener = listen(port, false);
    try (Socket plain = new Socket("127.0.0.1", port)) {
      BufferedReader in = reader(plain);
      assertThat(in.readLine()).isEqualTo("READY");
      plain.getOutputStream().write("hi\r\nSTARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("ECHO hi");
      assertThat(in.readLine()).isEqualTo("GO");
      try (SSLSocket secure =
          (SSLSocket) trustAll().getSocketFactory().createSocket(plain, "localhost", port, true)) {
        secure.startHandshake();
        assertThat(secure.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        X509Certificate peer = (X509Certificate) secure.getSession().getPeerCertificates()[0];
        assertThat(peer.getSubjectX500Principal().getName()).isEqualTo("CN=mx.example.test");
        secure.getOutputStream().write("ping\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(reader(secure).readLine()).isEqualTo("ECHO ping");
      }
    } finally {
      listener.stop();
    }
  }

  @Test
  void implicitTlsHandshakesBeforeTheGreeting() throws Exception {
    int port = freePort();
    Listener listener = listen(port, true);
    try (SSLSocket secure =
        (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
      secure.startHandshake();
      assertThat(reader(secure).readLine()).isEqualTo("READY");
    } finally {
      listener.stop();
    }
  }

  @Test
  void severalRecordsInOneReadKeepOneDeadlineAndSilenceStillEndsTheSession() throws Exception {
    int port = freePort();
    Listener listener = listen(port, true, c -> new QuickSession());
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Batcher batcher = new Batcher();
    SslContext clientTls =
        SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
    Channel client =
        new Bootstrap()
            .group(loops)
            .channel(NioSocketChannel.class)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(batcher)
                        .addLast(clientTls.newHandler(channel.alloc(), "localhost", port))
                        .addLast(new LineBasedFrameDecoder(1000))
                        .addLast(
                            new SimpleChannelInboundHandler<ByteBuf>() {
                              @Override
                              protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                lines.add(msg.toString(StandardCharsets.US_ASCII));
                              }
                            });
                  }
                })
            .connect("127.0.0.1", port)
            .sync()
            .channel();
    try {
      assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("READY");
      // Three records per TCP write, a batch every 300 ms, for over three deadlines.
      for (int batch = 0; batch < 12; batch++) {
        batcher.send(client, "PING 0", "PING 1", "PING 2");
        for (int record = 0; record < 3; record++) {
          assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("ECHO PING " + record);
        }
        Thread.sleep(300); // the client's pace, not a wait for the server
      }
      assertThat(client.isActive()).isTrue();

      assertThat(lines.poll(10, TimeUnit.SECONDS)).as("silent now").isEqualTo("TIMEOUT");
      assertThat(client.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      client.close().sync();
      listener.stop();
    }
  }

  @Test
  void legacyProtocolsAreRefused() throws Exception {
    int port = freePort();
    Listener listener = listen(port, true);
    try (SSLSocket secure =
        (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
      secure.setEnabledProtocols(new String[] {"TLSv1.1"});
      org.assertj.core.api.Assertions.assertThatThrownBy(secure::startHandshake)
          .isInstanceOf(javax.net.ssl.SSLException.class);
    } finally {
      listener.stop();
    }
  }

  private static BufferedReader reader(Socket socket) throws Exception {
    socket.setSoTimeout(10_000);
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  /** A client that accepts the self-signed certificate, as a test client may. */
  static SSLContext trustAll() throws Exception {
    TrustManager all =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String type) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String type) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {all}, null);
    return context;
  }
}
