package dev.yubin.ejb.reports.domain;

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
 *     line, without the blank line; when it has no end within the header limit, cut at the end of
 *     the last whole header field (a line end not followed by a continuation line) within it
 * @param headerComplete whether {@code headerLength} is the whole header section
 * @param boundaryEnd the offset just past the first occurrence of the boundary, or -1
 * @param firstEightBit the offset of the first octet above 127, or -1
 */
record ContentScan(
    long size,
    boolean tooLarge,
    long headerLength,
    boolean headerComplete,
    long boundaryEnd,
    long firstEightBit) {

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
    long lastFieldEnd = 0;
    long pendingLineEnd = -1; // a line end in the header, until the next line shows it ends a field
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
        if (pendingLineEnd >= 0 && offset == pendingLineEnd) {
          if (b != ' ' && b != '\t' && pendingLineEnd <= headerLimit) {
            lastFieldEnd = pendingLineEnd; // RFC 5322 §2.2.3: no WSP, so no continuation
          }
          pendingLineEnd = -1;
        }
        if (headerEnd < 0 && b == '\n' && (last3 & 0xff) == '\r') {
          if (offset == 1 || (last3 & 0xffffff) == 0x0d0a0d) {
            headerEnd = offset - 1; // the CRLF of the blank line starts here
          } else if (offset < headerLimit) {
            pendingLineEnd = offset + 1;
          }
        }
        last3 = ((last3 << 8) | b) & 0xffffff;
      }
      boolean headerKnown = headerEnd >= 0 || offset >= headerLimit;
      if (offset > returnLimit && headerKnown) {
        long length = headerLength(headerEnd, lastFieldEnd, headerLimit, -1);
        return new ContentScan(
            offset, true, length, length == headerEnd, boundaryEnd, firstEightBit);
      }
    }
    if (pendingLineEnd == offset) {
      lastFieldEnd = pendingLineEnd; // the message ends with a whole field
    }
    long length = headerLength(headerEnd, lastFieldEnd, headerLimit, offset);
    return new ContentScan(
        offset,
        offset > returnLimit,
        length,
        length == headerEnd || (headerEnd < 0 && length == offset),
        boundaryEnd,
        firstEightBit);
  }

  private static long headerLength(long headerEnd, long lastFieldEnd, int limit, long size) {
    if (headerEnd >= 0 && headerEnd <= limit) {
      return headerEnd;
    }
    if (size >= 0 && size <= limit) {
      return size; // no blank line: all of it is header
    }
    return lastFieldEnd;
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
