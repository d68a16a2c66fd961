package dev.yubin.ejb.domain.dsn;

import java.io.IOException;
import java.io.InputStream;

/**
 * One pass over the original message before it is returned: its size (as far as it matters), where
 * its header section ends, and the first occurrence of the candidate boundary and of an 8-bit
 * octet, so the writer can choose what to return, check the boundary and label the encoding without
 * holding the message in memory.
 *
 * @param size the octets read; the whole size unless {@code tooLarge}
 * @param tooLarge whether the message is larger than the return limit
 * @param headerLength the octets of the header section up to and including the CRLF of its last
 *     line, without the blank line; cut at a line end when it has no end within the header limit
 * @param boundaryEnd the offset just past the first occurrence of the boundary, or -1
 * @param firstEightBit the offset of the first octet above 127, or -1
 */
record ContentScan(
    long size, boolean tooLarge, long headerLength, long boundaryEnd, long firstEightBit) {

  /** Whether the first {@code length} octets hold the boundary. */
  boolean boundaryWithin(long length) {
    return boundaryEnd >= 0 && boundaryEnd <= length;
  }

  /** Whether the first {@code length} octets hold an octet above 127. */
  boolean eightBitWithin(long length) {
    return firstEightBit >= 0 && firstEightBit < length;
  }

  /**
   * Reads {@code in} until the end, or until it is past both {@code returnLimit} and the header
   * section.
   */
  static ContentScan of(InputStream in, byte[] boundary, long returnLimit, int headerLimit)
      throws IOException {
    int[] failure = failureFunction(boundary);
    int matched = 0;
    long boundaryEnd = -1;
    long firstEightBit = -1;
    long headerEnd = -1;
    long lastLineEnd = 0;
    int last3 = 0; // the three octets before the current one, oldest in the high byte
    long offset = 0;
    byte[] buffer = new byte[16 * 1024];
    int n;
    while ((n = in.read(buffer)) > 0) {
      for (int i = 0; i < n; i++, offset++) {
        int b = buffer[i] & 0xff;
        if (firstEightBit < 0 && b > 127) {
          firstEightBit = offset;
        }
        if (boundaryEnd < 0) {
          while (matched > 0 && boundary[matched] != (byte) b) {
            matched = failure[matched - 1];
          }
          if (boundary[matched] == (byte) b) {
            matched++;
          }
          if (matched == boundary.length) {
            boundaryEnd = offset + 1;
          }
        }
        if (headerEnd < 0 && b == '\n' && (last3 & 0xff) == '\r') {
          if (offset == 1 || (last3 & 0xffffff) == 0x0d0a0d) {
            headerEnd = offset - 1; // the CRLF of the blank line starts here
          } else if (offset < headerLimit) {
            lastLineEnd = offset + 1;
          }
        }
        last3 = ((last3 << 8) | b) & 0xffffff;
      }
      boolean headerKnown = headerEnd >= 0 || offset >= headerLimit;
      if (offset > returnLimit && headerKnown) {
        return new ContentScan(
            offset,
            true,
            headerLength(headerEnd, lastLineEnd, headerLimit, -1),
            boundaryEnd,
            firstEightBit);
      }
    }
    return new ContentScan(
        offset,
        offset > returnLimit,
        headerLength(headerEnd, lastLineEnd, headerLimit, offset),
        boundaryEnd,
        firstEightBit);
  }

  private static long headerLength(long headerEnd, long lastLineEnd, int limit, long size) {
    if (headerEnd >= 0 && headerEnd <= limit) {
      return headerEnd;
    }
    if (size >= 0 && size <= limit) {
      return size; // no blank line: all of it is header
    }
    return lastLineEnd;
  }

  /** Knuth-Morris-Pratt: the length of the longest proper prefix that is a suffix, per prefix. */
  private static int[] failureFunction(byte[] pattern) {
    int[] failure = new int[pattern.length];
    int k = 0;
    for (int i = 1; i < pattern.length; i++) {
      while (k > 0 && pattern[k] != pattern[i]) {
        k = failure[k - 1];
      }
      if (pattern[k] == pattern[i]) {
        k++;
      }
      failure[i] = k;
    }
    return failure;
  }
}
