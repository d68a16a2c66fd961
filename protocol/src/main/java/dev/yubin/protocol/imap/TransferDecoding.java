package dev.yubin.protocol.imap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Locale;

/**
 * Undoes a part's Content-Transfer-Encoding for BINARY fetches: base64 (the JDK's MIME decoder,
 * which skips line breaks and takes a missing final padding) and quoted-printable are decoded as
 * they are read; 7bit, 8bit and binary pass through; anything else is unknown.
 *
 * @see "RFC 3516 §4.2, RFC 2045 §6"
 */
final class TransferDecoding {

  private TransferDecoding() {}

  /** Whether BINARY can decode this encoding (null means 7bit). */
  static boolean known(String encoding) {
    return switch (normalize(encoding)) {
      case "7bit", "8bit", "binary", "base64", "quoted-printable" -> true;
      default -> false;
    };
  }

  static InputStream decode(InputStream raw, String encoding) {
    return switch (normalize(encoding)) {
      case "base64" -> Base64.getMimeDecoder().wrap(raw);
      case "quoted-printable" -> new QuotedPrintableInputStream(raw);
      default -> raw;
    };
  }

  /** The decoded size, counted by decoding. */
  static long decodedSize(InputStream raw, String encoding) throws IOException {
    try (InputStream in = decode(raw, encoding)) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  private static String normalize(String encoding) {
    return encoding == null ? "7bit" : encoding.trim().toLowerCase(Locale.ROOT);
  }

  /** Quoted-printable (RFC 2045 §6.7): "=XX" octets, soft line breaks "=" CRLF removed. */
  private static final class QuotedPrintableInputStream extends FilterInputStream {
    private int pending = -1;

    QuotedPrintableInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      if (pending >= 0) {
        int c = pending;
        pending = -1;
        return c;
      }
      int c = super.read();
      if (c != '=') {
        return c;
      }
      int first = super.read();
      if (first == '\r') {
        int lf = super.read();
        return lf == '\n' ? read() : lf < 0 ? -1 : lf;
      }
      if (first == '\n') {
        return read();
      }
      int second = super.read();
      int hi = Character.digit(first, 16);
      int lo = Character.digit(second, 16);
      if (hi < 0 || lo < 0) {
        pending = second;
        return first < 0 ? '=' : first; // not an escape: keep the text (lenient)
      }
      return hi * 16 + lo;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = 0;
      while (n < len) {
        int c = read();
        if (c < 0) {
          return n == 0 ? -1 : n;
        }
        b[off + n++] = (byte) c;
      }
      return n;
    }
  }
}
