package dev.yubin.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Turns message content into the body of a multi-line response: every line that begins with a dot
 * gets one more dot, and the stream ends with the terminating {@code .CRLF}, preceded by a CRLF if
 * the content does not already end with one. Empty content becomes just {@code .CRLF}.
 *
 * <p>A line begins after every LF, bare or not, so that a client that accepts bare LF cannot be
 * made to see a premature terminator. The transformation is streaming: memory is one fixed buffer,
 * whatever the size of the content.
 *
 * @see "RFC 1939 §3 (byte-stuffing of multi-line responses)"
 * @see "RFC 5321 §4.5.2 (transparency of SMTP DATA)"
 */
public final class DotStuffingInputStream extends InputStream {

  private static final byte[] TERMINATOR = {'.', '\r', '\n'};
  private static final byte[] CRLF_AND_TERMINATOR = {'\r', '\n', '.', '\r', '\n'};
  private static final int BUFFER_SIZE = 8192;

  private final InputStream content;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;

  private boolean atLineStart = true;
  private boolean dotAdded;
  private boolean endsWithCrlf;
  private boolean empty = true;
  private int previous = -1;

  private byte[] ending;
  private int endingPosition;

  public DotStuffingInputStream(InputStream content) {
    this.content = Objects.requireNonNull(content, "content");
  }

  @Override
  public int read() throws IOException {
    return next(true);
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    int count = 0;
    while (count < length) {
      // Block for input only when nothing has been produced yet.
      int b = next(count == 0);
      if (b < 0) {
        break;
      }
      target[offset + count++] = (byte) b;
    }
    return count == 0 ? -1 : count;
  }

  /** The bytes ready without blocking: at least what is buffered (a stuffed dot may add one). */
  @Override
  public int available() {
    if (ending != null) {
      return ending.length - endingPosition;
    }
    return limit - position;
  }

  @Override
  public void close() throws IOException {
    content.close();
  }

  /**
   * The next output byte; -1 at the end, or -2 when {@code mayBlock} is false and the content has
   * no buffered bytes left.
   */
  private int next(boolean mayBlock) throws IOException {
    if (ending != null) {
      return endingPosition < ending.length ? ending[endingPosition++] : -1;
    }
    if (position == limit) {
      if (!mayBlock) {
        return -2;
      }
      if (!fill()) {
        ending = empty || endsWithCrlf ? TERMINATOR : CRLF_AND_TERMINATOR;
        return ending[endingPosition++];
      }
    }
    int b = buffer[position] & 0xff;
    if (atLineStart && b == '.' && !dotAdded) {
      dotAdded = true;
      return '.';
    }
    position++;
    dotAdded = false;
    empty = false;
    atLineStart = b == '\n';
    endsWithCrlf = b == '\n' && previous == '\r';
    previous = b;
    return b;
  }

  private boolean fill() throws IOException {
    int count;
    do {
      count = content.read(buffer, 0, buffer.length);
    } while (count == 0);
    if (count < 0) {
      return false;
    }
    position = 0;
    limit = count;
    return true;
  }
}
