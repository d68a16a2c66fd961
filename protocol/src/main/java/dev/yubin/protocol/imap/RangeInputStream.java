package dev.yubin.protocol.imap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The {@code count} octets of a stream that follow its first {@code skip}. */
final class RangeInputStream extends FilterInputStream {

  private long skip;
  private long remaining;

  RangeInputStream(InputStream in, long skip, long count) {
    super(in);
    this.skip = skip;
    this.remaining = count;
  }

  /** Skips by reading: a decoding stream's skip() would skip encoded octets. */
  private void skipFirst() throws IOException {
    byte[] buffer = new byte[8192];
    while (skip > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, skip));
      if (n < 0) {
        break;
      }
      skip -= n;
    }
  }

  @Override
  public int read() throws IOException {
    skipFirst();
    if (remaining <= 0) {
      return -1;
    }
    int c = in.read();
    if (c >= 0) {
      remaining--;
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    skipFirst();
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  /** What the stream has ready, within the range (the transport sizes its chunks by it). */
  @Override
  public int available() throws IOException {
    skipFirst();
    return (int) Math.min(in.available(), remaining);
  }
}
