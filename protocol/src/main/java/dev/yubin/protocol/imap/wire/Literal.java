package dev.yubin.protocol.imap.wire;

/**
 * The content of a literal argument (RFC 3501 §4.3). Small literals are held in memory; the message
 * literal of APPEND went to a {@link LiteralSink} chosen by the engine.
 *
 * @param bytes the content when held in memory, else null
 * @param size the announced size in octets
 * @param binary whether it was a {@code ~{n}} literal8 (RFC 3516), which may hold NUL
 * @param sink the sink that received the content when it was not held in memory, else null
 */
public record Literal(byte[] bytes, long size, boolean binary, LiteralSink sink) {

  public static Literal inMemory(byte[] bytes, boolean binary) {
    return new Literal(bytes, bytes.length, binary, null);
  }

  /**
   * The content as UTF-8 text; only for literals held in memory. NUL (outside a {@code literal8};
   * RFC 3501 §9 {@code CHAR8}) and malformed UTF-8 are a syntax error.
   */
  public String text() {
    if (bytes == null) {
      throw new IllegalStateException("the literal was spooled, not held in memory");
    }
    for (byte b : bytes) {
      if (b == 0 && !binary) {
        throw new ImapSyntaxException("NUL in a literal string");
      }
    }
    return Utf8Text.decode(bytes, 0, bytes.length);
  }
}
