package dev.yubin.connector;

import dev.yubin.protocol.Output;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.stream.ChunkedStream;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Collects what an engine wrote during one call and sends it when the call returns. */
final class ChannelOutput implements Output {

  private static final int CHUNK = 16 * 1024;

  private final Channel channel;
  private final List<Object> pending = new ArrayList<>();
  private boolean closeRequested;
  private boolean tlsRequested;

  ChannelOutput(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void write(byte[] bytes) {
    pending.add(Unpooled.wrappedBuffer(bytes));
  }

  @Override
  public void write(InputStream content) {
    // ChunkedStream sizes each chunk by available(): buffering makes that the full chunk, where
    // a stream that reports 0 would be sent a byte at a time.
    pending.add(new ChunkedStream(new BufferedInputStream(content, CHUNK), CHUNK));
  }

  @Override
  public void close() {
    closeRequested = true;
  }

  @Override
  public void startTls() {
    tlsRequested = true;
  }

  boolean closeRequested() {
    return closeRequested;
  }

  /** Whether the engine asked for TLS since the last call; clears the request. */
  boolean takeTlsRequest() {
    boolean requested = tlsRequested;
    tlsRequested = false;
    return requested;
  }

  /**
   * Sends everything written so far, then closes if the engine asked to.
   *
   * @return completes when the last write has reached the socket
   */
  ChannelFuture flush() {
    for (Object message : pending) {
      channel.write(message);
    }
    pending.clear();
    ChannelFuture sent = channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
    if (closeRequested) {
      sent.addListener(ChannelFutureListener.CLOSE);
    }
    return sent;
  }
}
