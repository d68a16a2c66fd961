package dev.yubin.protocol;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a byte stream into lines. A line ends at LF; the CR before it, if any, is removed and
 * reported, so that engines can tell CRLF from a bare LF. A line longer than the limit is handed
 * out in pieces of at most {@code maxLength} bytes, each marked as not terminated.
 *
 * <p>Memory is bounded by the limit, whatever the client sends.
 */
public final class LineAssembler {

  /**
   * One line or piece of a line.
   *
   * @param bytes the content without the line terminator
   * @param terminated whether an LF ended it (false: a piece of an overlong line)
   * @param crlf whether the terminator was CRLF (false for a bare LF)
   */
  public record Line(byte[] bytes, boolean terminated, boolean crlf) {
    public int length() {
      return bytes.length;
    }
  }

  private final byte[] buffer;
  private int length;

  /**
   * @param maxLength the longest line content handed out in one piece
   */
  public LineAssembler(int maxLength) {
    this.buffer = new byte[maxLength + 1]; // room for a CR that may precede the LF
  }

  /** Feeds bytes; every complete line (or full piece) goes to {@code sink} in order. */
  public void feed(byte[] data, int offset, int count, Consumer<Line> sink) {
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      push(data[i], sink);
    }
  }

  /**
   * Feeds bytes up to the first complete line (or full piece), which goes to {@code sink}, and
   * leaves the rest alone: for protocols whose next bytes may not be lines (SMTP BDAT, STARTTLS).
   *
   * @return how many bytes were consumed
   */
  public int feedOne(byte[] data, int offset, int count, Consumer<Line> sink) {
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      if (push(data[i], sink)) {
        return i - offset + 1;
      }
    }
    return count;
  }

  /** Takes one byte; true if a line or piece went to {@code sink}. */
  private boolean push(byte b, Consumer<Line> sink) {
    if (b == '\n') {
      boolean crlf = length > 0 && buffer[length - 1] == '\r';
      int contentLength = crlf ? length - 1 : length;
      byte[] content = Arrays.copyOf(buffer, contentLength);
      length = 0;
      sink.accept(new Line(content, true, crlf));
      return true;
    }
    boolean emitted = false;
    int max = buffer.length - 1;
    if (length == buffer.length || (length == max && b != '\r')) {
      // Full: hand out the content, but keep a trailing CR beyond the limit: it may belong
      // to the coming CRLF.
      int keep = length == buffer.length ? 1 : 0;
      byte[] piece = Arrays.copyOf(buffer, length - keep);
      length = keep;
      if (keep == 1) {
        buffer[0] = '\r';
      }
      sink.accept(new Line(piece, false, false));
      emitted = true;
    }
    buffer[length++] = b;
    return emitted;
  }

  /** Bytes received since the last complete line. */
  public int pending() {
    return length;
  }

  /** Forgets a partial line. */
  public void reset() {
    length = 0;
  }
}
