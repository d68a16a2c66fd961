package dev.yubin.connector;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DEFLATE layer on an {@link EmbeddedChannel} that reads only when asked, as the session's
 * channel does: what it hands on per read, what it holds, and what the client gets per flush.
 */
class DeflateHandlerTest {

  private final List<byte[]> delivered = new ArrayList<>();
  private int readsUpstream;
  private EmbeddedChannel channel;

  @BeforeEach
  void open() {
    channel = new EmbeddedChannel();
    channel.config().setAutoRead(false);
  }

  private void install(List<byte[]> pipelined) {
    channel
        .pipeline()
        .addLast(
            new ChannelOutboundHandlerAdapter() {
              @Override
              public void read(ChannelHandlerContext ctx) {
                readsUpstream++;
                ctx.read();
              }
            })
        .addLast(new DeflateHandler(pipelined))
        .addLast(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf buf = (ByteBuf) msg;
                delivered.add(ByteBufUtil.getBytes(buf));
                buf.release();
              }
            });
  }

  @Test
  void aBombIsInflatedOneChunkPerReadAndNotAheadOfTheReads() {
    install(List.of());
    byte[] bomb = compressedZeros(64 * 1024 * 1024);
    assertThat(bomb.length).isLessThan(128 * 1024);
    channel.read(); // the session asks; the handler has nothing, so the wire is asked
    assertThat(readsUpstream).isEqualTo(1);

    channel.writeInbound(Unpooled.wrappedBuffer(bomb)); // one read brought all of it
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0)).hasSize(DeflateHandler.CHUNK);

    long total = DeflateHandler.CHUNK;
    for (int read = 0; read < 100; read++) {
      channel.read();
      assertThat(delivered).hasSize(read + 2);
      assertThat(delivered.get(read + 1).length).isBetween(1, DeflateHandler.CHUNK);
      total += delivered.get(read + 1).length;
    }
    assertThat(total).isEqualTo(101L * DeflateHandler.CHUNK);
    assertThat(readsUpstream).as("the wire is not read while inflated input is left").isEqualTo(1);
  }

  @Test
  void inputPipelinedBeforeTheHandlerIsInflatedFirst() {
    Deflater client = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    byte[] both = compress(client, "a NOOP\r\nb NOOP\r\n");
    int half = both.length / 2;
    install(List.of(Arrays.copyOf(both, half)));
    channel.writeInbound(Unpooled.wrappedBuffer(both, half, both.length - half));

    channel.read(); // what came before the handler
    channel.read(); // what came after
    StringBuilder text = new StringBuilder();
    delivered.forEach(bytes -> text.append(new String(bytes, US_ASCII)));
    assertThat(text.toString()).isEqualTo("a NOOP\r\nb NOOP\r\n");
    assertThat(readsUpstream).isZero();
  }

  @Test
  void invalidInputClosesTheConnection() {
    install(List.of());
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xff, 1, 2}));
    channel.read();
    assertThat(delivered).isEmpty();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void eachFlushEndsInASyncFlushAndCompletesTheWritesBeforeIt() throws DataFormatException {
    install(List.of());
    ChannelFuture first = channel.write(Unpooled.copiedBuffer("* 1 EXISTS\r\n", US_ASCII));
    ChannelFuture second = channel.write(Unpooled.copiedBuffer("a OK done\r\n", US_ASCII));
    assertThat(first.isDone()).isFalse();
    assertThat(second.isDone()).isFalse();

    channel.flush();
    assertThat(first.isSuccess()).isTrue();
    assertThat(second.isSuccess()).isTrue();
    byte[] wire = outbound();
    assertThat(wire).endsWith(0, 0, (byte) 0xff, (byte) 0xff);
    Inflater client = new Inflater(true);
    assertThat(inflate(client, wire)).isEqualTo("* 1 EXISTS\r\na OK done\r\n");

    channel.writeAndFlush(Unpooled.copiedBuffer("b OK again\r\n", US_ASCII));
    assertThat(inflate(client, outbound())).isEqualTo("b OK again\r\n");
  }

  private byte[] outbound() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    ByteBuf buf;
    while ((buf = channel.readOutbound()) != null) {
      all.writeBytes(ByteBufUtil.getBytes(buf));
      buf.release();
    }
    return all.toByteArray();
  }

  /** {@code size} zero bytes, DEFLATE-compressed (about a thousandth of that). */
  static byte[] compressedZeros(int size) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] zeros = new byte[1024 * 1024];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    for (int left = size; left > 0; left -= zeros.length) {
      deflater.setInput(zeros, 0, Math.min(left, zeros.length));
      while (!deflater.needsInput()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length);
    deflater.end();
    return out.toByteArray();
  }

  /** What a client sends for {@code text}: its DEFLATE stream so far, sync-flushed. */
  static byte[] compress(Deflater deflater, String text) {
    deflater.setInput(text.getBytes(US_ASCII));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length);
    return out.toByteArray();
  }

  static String inflate(Inflater inflater, byte[] data) throws DataFormatException {
    inflater.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = inflater.inflate(buffer)) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toString(US_ASCII);
  }
}
