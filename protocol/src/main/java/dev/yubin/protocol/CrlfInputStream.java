package dev.yubin.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Makes every line end CRLF: a bare CR or a bare LF in the content becomes CRLF, a CRLF stays one.
 * SMTP text is CRLF lines only (RFC 5321 §2.3.8); content that still holds a bare CR or LF (stored
 * before the receiving side refused them, or written by a filter) would otherwise reach a next hop
 * that may take either for a line end, and {@code <CR>.<CR>} would end the message there.
 * Streaming: one fixed buffer, whatever the size of the content.
 */
public final class CrlfInputStream extends InputStream {

  private static final int BUFFER_SIZE = 8192;

  private final InputStream content;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean ended;
  private boolean afterCr; // the last octet given out was a CR taken from the content
  private boolean lfOwed; // the last octet given out was a CR put before a bare LF

  public CrlfInputStream(InputStream content) {
    this.content = Objects.requireNonNull(content, "content");
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    int count = 0;
    while (count < length) {
      if (lfOwed) {
        target[offset + count++] = '\n';
        lfOwed = false;
        continue;
      }
      if (position == limit && !fill(count == 0)) {
        if (ended && afterCr) { // the content ends with a bare CR
          target[offset + count++] = '\n';
          afterCr = false;
          continue;
        }
        break;
      }
      byte b = buffer[position];
      if (afterCr) {
        afterCr = false;
        target[offset + count++] = '\n';
        if (b == '\n') {
          position++; // the CR's own LF
        }
        continue;
      }
      position++;
      if (b == '\r') {
        afterCr = true;
      } else if (b == '\n') {
        b = '\r';
        lfOwed = true;
      }
      target[offset + count++] = b;
    }
    return count == 0 && length > 0 ? -1 : count;
  }

  /**
   * Refills the buffer, blocking only if {@code mayBlock}; false at the end of the content or when
   * nothing is ready without blocking.
   */
  private boolean fill(boolean mayBlock) throws IOException {
    if (ended || (!mayBlock && content.available() <= 0)) {
      return false;
    }
    int n;
    do {
      n = content.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      ended = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
