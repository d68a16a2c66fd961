package dev.yubin.protocol;

/**
 * A decision in SMTP terms: a reply code, an enhanced status code (RFC 3463) and text. Backends
 * return it; the SMTP engine writes it.
 *
 * @param code the three-digit reply code, e.g. 250
 * @param status the enhanced status code, e.g. {@code 2.1.5}
 * @param text human-readable text, one line, no CR or LF
 */
public record Reply(int code, String status, String text) {

  public Reply {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("reply code out of range: " + code);
    }
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("reply text must be one line");
    }
  }

  public static Reply of(int code, String status, String text) {
    return new Reply(code, status, text);
  }

  public boolean isPositive() {
    return code < 400;
  }

  public boolean isTransientFailure() {
    return code >= 400 && code < 500;
  }

  public boolean isPermanentFailure() {
    return code >= 500;
  }

  /** The wire form of a single-line reply, without CRLF. */
  @Override
  public String toString() {
    return code + " " + status + " " + text;
  }
}
