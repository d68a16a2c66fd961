package dev.yubin.connector;

import dev.yubin.protocol.Output;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects what an engine wrote during one step and sends it when the step ends. It tells the
 * transport when a step has queued enough ({@link #isFull}), so that no step queues more than about
 * {@link #STEP_OUTPUT_LIMIT} bytes or one stream before the client has taken them.
 */
final class ChannelOutput implements Output {

  /** What one engine step may queue in bytes; a stream fills a step on its own. */
  static final int STEP_OUTPUT_LIMIT = 64 * 1024;

  private static final Logger LOG = Logger.getLogger(ChannelOutput.class.getName());
  private static final int CHUNK = 16 * 1024;

  private final Channel channel;
  private final LongConsumer streamed;
  private final List<Object> pending = new ArrayList<>();
  private long pendingBytes;
  private boolean pendingStream;
  private boolean closeRequested;
  private boolean tlsRequested;
  private boolean compressionRequested;

  /**
   * @param streamed told (on the event loop) how many more bytes of a stream have been sent
   */
  ChannelOutput(Channel channel, LongConsumer streamed) {
    this.channel = channel;
    this.streamed = streamed;
  }

  @Override
  public void write(byte[] bytes) {
    pending.add(Unpooled.wrappedBuffer(bytes));
    pendingBytes += bytes.length;
  }

  @Override
  public void write(InputStream content) {
    pending.add(new StreamChunks(content, CHUNK));
    pendingStream = true;
  }

  @Override
  public void close() {
    closeRequested = true;
  }

  @Override
  public void startTls() {
    tlsRequested = true;
  }

  @Override
  public void startCompression() {
    compressionRequested = true;
  }

  boolean closeRequested() {
    return closeRequested;
  }

  boolean tlsRequested() {
    return tlsRequested;
  }

  boolean compressionRequested() {
    return compressionRequested;
  }

  /** Whether the step wrote anything since the last flush. */
  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Whether the step has queued as much as one step may. */
  boolean isFull() {
    return pendingStream || pendingBytes >= STEP_OUTPUT_LIMIT;
  }

  /** Whether the engine asked for TLS since the last call; clears the request. */
  boolean takeTlsRequest() {
    boolean requested = tlsRequested;
    tlsRequested = false;
    return requested;
  }

  /** Whether the engine asked for compression since the last call; clears the request. */
  boolean takeCompressionRequest() {
    boolean requested = compressionRequested;
    compressionRequested = false;
    return requested;
  }

  /**
   * Sends everything written so far, then closes if the engine asked to.
   *
   * @return completes when the last write has reached the socket
   */
  ChannelFuture flush() {
    for (Object message : pending) {
      if (message instanceof StreamChunks) {
        channel.write(message, progressReported());
      } else {
        channel.write(message);
      }
    }
    pending.clear();
    pendingBytes = 0;
    pendingStream = false;
    ChannelFuture sent = channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
    if (closeRequested) {
      sent.addListener(ChannelFutureListener.CLOSE);
    }
    return sent;
  }

  /** Drops what was written since the last flush, closing its streams: the client is gone. */
  void discard() {
    for (Object message : pending) {
      if (message instanceof StreamChunks stream) {
        try {
          stream.close();
        } catch (Exception e) {
          LOG.log(Level.FINE, "closing an unsent stream failed", e);
        }
      }
    }
    pending.clear();
    pendingBytes = 0;
    pendingStream = false;
  }

  /** A promise that reports each chunk of a stream as it is sent, and closes if it fails. */
  private ChannelProgressivePromise progressReported() {
    ChannelProgressivePromise promise = channel.newProgressivePromise();
    promise.addListener(
        new ChannelProgressiveFutureListener() {
          private long reported;

          @Override
          public void operationProgressed(ChannelProgressiveFuture future, long sent, long total) {
            streamed.accept(sent - reported);
            reported = sent;
          }

          @Override
          public void operationComplete(ChannelProgressiveFuture future) {
            if (!future.isSuccess()) {
              future.channel().close(); // a truncated response must not be followed by more
            }
          }
        });
    return promise;
  }
}
