package dev.yubin.connector;

import dev.yubin.protocol.Output;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.stream.ChunkedStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Collects what an engine wrote during one call and sends it when the call returns. */
final class ChannelOutput implements Output {

  private static final int CHUNK = 16 * 1024;

  private final Channel channel;
  private final List<Object> pending = new ArrayList<>();
  private boolean closeRequested;

  ChannelOutput(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void write(byte[] bytes) {
    pending.add(Unpooled.wrappedBuffer(bytes));
  }

  @Override
  public void write(InputStream content) {
    pending.add(new ChunkedStream(content, CHUNK));
  }

  @Override
  public void close() {
    closeRequested = true;
  }

  boolean closeRequested() {
    return closeRequested;
  }

  /** Sends everything written so far, then closes if the engine asked to. */
  void flush() {
    for (Object message : pending) {
      channel.write(message);
    }
    pending.clear();
    if (closeRequested) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    } else {
      channel.flush();
    }
  }
}
