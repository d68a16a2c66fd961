package dev.yubin.protocol.smtp;

/**
 * Watches the line endings of BDAT content across its chunks: as in DATA, a line ends with CRLF
 * only, and a bare CR or LF is what SMTP smuggling hides a second message behind (a next hop that
 * takes either for a line end would see a "." line). A CR at the end of one chunk may meet its LF
 * at the start of the next.
 *
 * @see "RFC 5321 §2.3.8, §4.1.1.4; RFC 3030 §2"
 */
final class LineEndings {

  private boolean afterCr;
  private boolean bare;

  /** Takes the next octets of the content. */
  void accept(byte[] data, int offset, int length) {
    for (int i = offset; i < offset + length && !bare; i++) {
      byte b = data[i];
      bare = afterCr != (b == '\n');
      afterCr = b == '\r';
    }
  }

  /** Whether a bare CR or LF has come; {@code atEnd} also counts a CR that ends the content. */
  boolean bareFound(boolean atEnd) {
    return bare || (atEnd && afterCr);
  }
}
