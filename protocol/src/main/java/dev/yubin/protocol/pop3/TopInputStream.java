package dev.yubin.protocol.pop3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The part of a message that TOP sends: the header, the blank line that ends it, and the first
 * {@code n} lines of the body. Content without a blank line is all header and passes whole. Reads
 * go straight into the caller's buffer; nothing is held but a few counters.
 *
 * @see "RFC 1939 §7 (TOP)"
 */
final class TopInputStream extends InputStream {

  private final InputStream content;
  private final byte[] single = new byte[1];
  private final long bodyLines;
  private boolean inBody;
  private long bodyLinesSent;
  private int lineLength;
  private boolean lineIsOnlyCr;
  private boolean finished;

  /**
   * @param content the whole message
   * @param bodyLines how many body lines to pass, 0 or more
   */
  TopInputStream(InputStream content, long bodyLines) {
    this.content = Objects.requireNonNull(content, "content");
    if (bodyLines < 0) {
      throw new IllegalArgumentException("negative line count: " + bodyLines);
    }
    this.bodyLines = bodyLines;
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    if (finished || (inBody && bodyLinesSent == bodyLines)) {
      finished = true;
      return -1;
    }
    int count = content.read(target, offset, length);
    if (count < 0) {
      finished = true;
      return -1;
    }
    for (int i = 0; i < count; i++) {
      if (endsTheTop(target[offset + i])) {
        finished = true;
        return i + 1;
      }
    }
    return count;
  }

  /** Follows one byte; answers whether it is the last byte TOP sends. */
  private boolean endsTheTop(byte b) {
    if (b != '\n') {
      lineIsOnlyCr = lineLength == 0 && b == '\r';
      lineLength = Math.min(lineLength + 1, 2); // only 0, 1 or more matters
      return false;
    }
    boolean blank = lineLength == 0 || (lineLength == 1 && lineIsOnlyCr);
    lineLength = 0;
    if (inBody) {
      bodyLinesSent++;
    } else if (blank) {
      inBody = true;
    }
    return inBody && bodyLinesSent == bodyLines;
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
