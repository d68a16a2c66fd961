package dev.yubin.connector;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream sent in full chunks, ending where its reads end. Netty's ChunkedStream takes a positive
 * available() for more to come and waits forever when a stream over-counts (a range of a file
 * counts the rest of the file); available() is only an estimate, so it is not asked here.
 */
final class StreamChunks implements ChunkedInput<ByteBuf> {

  private final InputStream in;
  private final int chunkSize;
  private long sent;
  private boolean ended;

  StreamChunks(InputStream in, int chunkSize) {
    this.in = in;
    this.chunkSize = chunkSize;
  }

  @Override
  public boolean isEndOfInput() {
    return ended;
  }

  @Override
  public void close() throws IOException {
    ended = true;
    in.close();
  }

  @Deprecated
  @Override
  public ByteBuf readChunk(ChannelHandlerContext ctx) throws IOException {
    return readChunk(ctx.alloc());
  }

  /** Up to one chunk, read until it is full or the stream ends; null once it has ended. */
  @Override
  public ByteBuf readChunk(ByteBufAllocator allocator) throws IOException {
    if (ended) {
      return null;
    }
    ByteBuf chunk = allocator.buffer(chunkSize, chunkSize);
    boolean release = true;
    try {
      while (chunk.isWritable()) {
        if (chunk.writeBytes(in, chunk.writableBytes()) < 0) {
          ended = true;
          break;
        }
      }
      if (chunk.readableBytes() == 0) {
        return null;
      }
      sent += chunk.readableBytes();
      release = false;
      return chunk;
    } finally {
      if (release) {
        chunk.release();
      }
    }
  }

  /** Unknown: the engine announces a literal's size, the transport does not need it. */
  @Override
  public long length() {
    return -1;
  }

  @Override
  public long progress() {
    return sent;
  }
}
