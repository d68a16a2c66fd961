package dev.yubin.connector;

import dev.yubin.protocol.ProtocolSessionFactory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** One listening socket (SMTP, POP3, ...) whose connections each get a protocol engine. */
final class Listener {

  private static final Logger LOG = Logger.getLogger(Listener.class.getName());

  private final String name;
  private final InetSocketAddress address;
  private final ProtocolSessionFactory sessions;
  private final TlsContext tls;
  private final boolean implicitTls;
  private final ConnectionLimiter limits;
  private Channel serverChannel;

  /**
   * @param tls the TLS identity for STARTTLS or implicit TLS; null when TLS is unavailable
   * @param implicitTls whether every connection starts with a TLS handshake (RFC 8314)
   * @param limits the bounds on this listener's concurrent connections
   */
  Listener(
      String name,
      InetSocketAddress address,
      ProtocolSessionFactory sessions,
      TlsContext tls,
      boolean implicitTls,
      ConnectionLimiter limits) {
    if (implicitTls && tls == null) {
      throw new IllegalArgumentException(name + ": implicit TLS needs a TLS identity");
    }
    this.name = name;
    this.address = address;
    this.sessions = sessions;
    this.tls = tls;
    this.implicitTls = implicitTls;
    this.limits = limits;
  }

  void start(EventLoopGroup boss, EventLoopGroup io, WorkerPool workers)
      throws InterruptedException {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, io)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            // Read only when the session asks (SessionHandler); stop streaming a response while
            // more than a step's worth waits for the client.
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(
                    ChannelOutput.STEP_OUTPUT_LIMIT / 2, ChannelOutput.STEP_OUTPUT_LIMIT))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    String client = channel.remoteAddress().getAddress().getHostAddress();
                    if (!limits.tryAcquire(client)) {
                      refuse(channel);
                      return;
                    }
                    channel.closeFuture().addListener(f -> limits.release(client));
                    if (implicitTls) {
                      channel.pipeline().addLast("tls", tls.newHandler(channel.alloc()));
                    }
                    channel
                        .pipeline()
                        .addLast("chunked", new ChunkedWriteHandler())
                        .addLast("session", new SessionHandler(sessions, tls, workers));
                  }
                });
    serverChannel = bootstrap.bind(address).sync().channel();
    LOG.info(() -> name + " listening on " + address + (implicitTls ? " (TLS)" : ""));
  }

  /** Tells a client over the limits so, in the protocol's words where it has some, and closes. */
  private void refuse(SocketChannel channel) {
    String line = sessions.busyLine();
    if (line == null || implicitTls) {
      channel.close();
      return;
    }
    channel
        .writeAndFlush(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.US_ASCII))
        .addListener(ChannelFutureListener.CLOSE);
  }

  void stop() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
      LOG.info(() -> name + " stopped listening on " + address);
      serverChannel = null;
    }
  }
}
