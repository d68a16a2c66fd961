package dev.yubin.connector;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.ProtocolSession;
import dev.yubin.protocol.ProtocolSessionFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives one connection's engine. Network events arrive on the event loop; the engine runs on the
 * worker pool, one task at a time per connection. Reading pauses while the engine works, so a fast
 * client cannot queue unbounded input.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = Logger.getLogger(SessionHandler.class.getName());

  private final ProtocolSessionFactory factory;
  private final TlsContext tls;
  private final SerialExecutor serial;
  private ProtocolSession session;
  private ChannelOutput out;
  private ScheduledFuture<?> idleTimer;
  private boolean closed;

  SessionHandler(ProtocolSessionFactory factory, TlsContext tls, WorkerPool workers) {
    this.factory = factory;
    this.tls = tls;
    this.serial = new SerialExecutor(workers);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    Channel channel = ctx.channel();
    channel.config().setAutoRead(false);
    out = new ChannelOutput(channel);
    ConnectionInfo info = connectionInfo(channel);
    run(
        ctx,
        () -> {
          session = factory.newSession(info);
          session.open(out);
        });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    byte[] data;
    try {
      data = ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
    cancelIdleTimer();
    ctx.channel().config().setAutoRead(false);
    run(ctx, () -> session.receive(data, 0, data.length, out));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelIdleTimer();
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

  /** Runs an engine step on the worker pool, sends its output, then resumes reading. */
  private void run(ChannelHandlerContext ctx, Runnable step) {
    Channel channel = ctx.channel();
    serial.execute(
        () -> {
          if (closed || !channel.isActive()) {
            return;
          }
          try {
            step.run();
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "engine failed; closing " + channel.remoteAddress(), e);
            out.close();
          }
          boolean startTls = out.takeTlsRequest() && tls != null && !out.closeRequested();
          ChannelFuture sent = out.flush();
          if (out.closeRequested()) {
            return;
          }
          if (startTls) {
            // The reply went out in clear; everything after it is TLS (RFC 3207 §4).
            sent.addListener(
                f -> {
                  channel.pipeline().addFirst("tls", tls.newHandler(channel.alloc()));
                  resume(ctx);
                });
          } else {
            channel.eventLoop().execute(() -> resume(ctx));
          }
        });
  }

  private void resume(ChannelHandlerContext ctx) {
    Channel channel = ctx.channel();
    if (!channel.isActive()) {
      return;
    }
    long timeout = session.idleTimeout().toMillis();
    idleTimer =
        channel
            .eventLoop()
            .schedule(() -> run(ctx, () -> session.idle(out)), timeout, TimeUnit.MILLISECONDS);
    channel.config().setAutoRead(true);
    channel.read();
  }

  private void cancelIdleTimer() {
    if (idleTimer != null) {
      idleTimer.cancel(false);
      idleTimer = null;
    }
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
