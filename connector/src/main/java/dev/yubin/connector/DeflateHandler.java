package dev.yubin.connector;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE (RFC 1951, no zlib header) both ways on a connection after IMAP COMPRESS (RFC 4978),
 * between TLS (towards the wire) and the session.
 *
 * <p>Input is inflated on demand: one {@link #CHUNK} at most per read the session asks for, from
 * compressed input held until then. So a small input that expands hugely (an inflate bomb) reaches
 * the engine a chunk at a time under the transport's back-pressure, where its line and literal
 * limits apply, and never sits inflated in memory.
 *
 * <p>Output is deflated as it is written and completed with a SYNC_FLUSH on each flush, so that the
 * client can inflate every response at once. A write is reported done when the flush that ends its
 * compressed form has reached the socket.
 */
final class DeflateHandler extends ChannelDuplexHandler {

  /** The most one read hands on inflated. */
  static final int CHUNK = 16 * 1024;

  /** Dovecot's imap_compress_deflate_level. */
  private static final int LEVEL = 6;

  private static final Logger LOG = Logger.getLogger(DeflateHandler.class.getName());

  private final Inflater inflater = new Inflater(true);
  private final Deflater deflater = new Deflater(LEVEL, true);
  private final Deque<byte[]> compressed = new ArrayDeque<>();
  private final List<ChannelPromise> unflushed = new ArrayList<>();
  private final byte[] inflated = new byte[CHUNK];
  private boolean demanded;
  private boolean mayHoldOutput;
  private boolean ended;

  /**
   * @param pipelined what the client sent after the command that started compression, read before
   *     this handler was in place: compressed already
   */
  DeflateHandler(List<byte[]> pipelined) {
    compressed.addAll(pipelined);
  }

  /**
   * Compressed bytes for {@code inflated} bytes received, by the ratio so far: time on the wire.
   */
  long receivedOnWire(long inflated) {
    return scale(inflated, inflater.getBytesRead(), inflater.getBytesWritten());
  }

  /** Compressed bytes for {@code plain} bytes sent, by the ratio so far: time on the wire. */
  long sentOnWire(long plain) {
    return scale(plain, deflater.getBytesWritten(), deflater.getBytesRead());
  }

  private long scale(long bytes, long compressed, long plain) {
    return ended || plain == 0 ? bytes : (long) Math.ceil((double) bytes * compressed / plain);
  }

  // Inbound

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    try {
      if (buf.isReadable()) {
        compressed.add(ByteBufUtil.getBytes(buf));
      }
    } finally {
      buf.release();
    }
    if (demanded) {
      deliver(ctx);
    }
  }

  @Override
  public void read(ChannelHandlerContext ctx) {
    demanded = true;
    deliver(ctx);
  }

  /** Hands on the next inflated chunk, or asks the wire for more when all it had is inflated. */
  private void deliver(ChannelHandlerContext ctx) {
    while (true) {
      if (inflater.needsInput() && !mayHoldOutput) {
        byte[] next = compressed.poll();
        if (next == null) {
          ctx.read();
          return;
        }
        inflater.setInput(next);
      }
      int n;
      try {
        n = inflater.inflate(inflated);
      } catch (DataFormatException e) {
        fail(ctx, "invalid DEFLATE data: " + e.getMessage());
        return;
      }
      // A full chunk may leave output in the inflater although its input is used up.
      mayHoldOutput = n == inflated.length;
      if (n > 0) {
        demanded = false;
        ctx.fireChannelRead(Unpooled.copiedBuffer(inflated, 0, n));
        return;
      }
      if (inflater.finished()) {
        fail(ctx, "the client ended its DEFLATE stream");
        return;
      }
    }
  }

  private void fail(ChannelHandlerContext ctx, String why) {
    LOG.log(Level.FINE, () -> ctx.channel().remoteAddress() + ": " + why);
    compressed.clear();
    ctx.close();
  }

  // Outbound

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf buf)) {
      ctx.write(msg, promise);
      return;
    }
    try {
      deflater.setInput(buf.nioBuffer());
      while (!deflater.needsInput()) {
        deflate(ctx, Deflater.NO_FLUSH);
      }
    } finally {
      buf.release();
    }
    if (!promise.isVoid()) {
      unflushed.add(promise);
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    boolean full;
    do {
      full = deflate(ctx, Deflater.SYNC_FLUSH);
    } while (full);
    ChannelPromise flushed = ctx.newPromise();
    List<ChannelPromise> done = List.copyOf(unflushed);
    unflushed.clear();
    flushed.addListener(
        f -> {
          for (ChannelPromise promise : done) {
            if (f.isSuccess()) {
              promise.trySuccess();
            } else {
              promise.tryFailure(f.cause());
            }
          }
        });
    ctx.write(Unpooled.EMPTY_BUFFER, flushed);
    ctx.flush();
  }

  /** Writes what the deflater gives for one buffer; answers whether it filled the buffer. */
  private boolean deflate(ChannelHandlerContext ctx, int flush) {
    ByteBuf out = ctx.alloc().heapBuffer(CHUNK);
    int n = deflater.deflate(out.array(), out.arrayOffset(), CHUNK, flush);
    if (n == 0) {
      out.release();
      return false;
    }
    out.writerIndex(n);
    ctx.write(out);
    return n == CHUNK;
  }

  /** The channel is gone: fail writes never flushed, free the native memory now. */
  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    ended = true;
    compressed.clear();
    for (ChannelPromise promise : unflushed) {
      promise.tryFailure(new ClosedChannelException());
    }
    unflushed.clear();
    inflater.end();
    deflater.end();
  }
}
