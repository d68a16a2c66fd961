package dev.yubin.ejb.mailbox.domain.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a message line by line (a line ends after LF; CRLF and bare LF alike) keeping the absolute
 * offset and the number of LFs read so far. Of each line it keeps only the first {@code keep}
 * octets, so a long line costs no memory.
 */
final class LineReader {

  /** One line: where it starts, how long it is, and its first octets. */
  static final class Line {
    long start;
    long length;
    boolean lf;
    boolean crlf;
    byte[] kept = new byte[256];
    int keptLength;

    long end() {
      return start + length;
    }

    /** The size of the line break: 2 for CRLF, 1 for LF, 0 at the end of input. */
    int breakSize() {
      return crlf ? 2 : lf ? 1 : 0;
    }

    /** The length of the content before the line break. */
    long contentLength() {
      return length - breakSize();
    }

    /** Whether all of the content was kept. */
    boolean whole() {
      return keptLength >= length;
    }

    private void keep(byte b, int limit) {
      if (keptLength < limit) {
        if (keptLength == kept.length) {
          byte[] bigger = new byte[Math.min(limit, kept.length * 2)];
          System.arraycopy(kept, 0, bigger, 0, keptLength);
          kept = bigger;
        }
        kept[keptLength++] = b;
      }
    }
  }

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int head;
  private int tail;
  private long position;
  private long lineFeeds;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The offset of the next octet to read (after the last line). */
  long position() {
    return position;
  }

  /** LFs read so far. */
  long lineFeeds() {
    return lineFeeds;
  }

  private boolean fill() throws IOException {
    if (head < tail) {
      return true;
    }
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    head = 0;
    tail = Math.max(n, 0);
    return n > 0;
  }

  /**
   * Reads the next line into {@code line}, keeping at most {@code keep} of its octets (the line
   * break included). False at the end of input.
   */
  boolean read(Line line, int keep) throws IOException {
    line.start = position;
    line.length = 0;
    line.lf = false;
    line.crlf = false;
    line.keptLength = 0;
    boolean lastCr = false;
    while (fill()) {
      while (head < tail) {
        byte b = buffer[head++];
        line.length++;
        line.keep(b, keep);
        if (b == '\n') {
          line.lf = true;
          line.crlf = lastCr;
          position += line.length;
          lineFeeds++;
          return true;
        }
        lastCr = b == '\r';
      }
    }
    position += line.length;
    return line.length > 0;
  }

  /** Reads to the end of input, counting LFs. */
  void skipToEnd() throws IOException {
    while (fill()) {
      for (int i = head; i < tail; i++) {
        if (buffer[i] == '\n') {
          lineFeeds++;
        }
      }
      position += tail - head;
      head = tail;
    }
  }
}
