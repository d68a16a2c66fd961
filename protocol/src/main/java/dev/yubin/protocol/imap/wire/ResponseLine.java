package dev.yubin.protocol.imap.wire;

import dev.yubin.protocol.Output;
import dev.yubin.protocol.sasl.Utf8;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds one server response line (which may hold literals) and writes it to an {@link Output}.
 * Strings take the shortest safe form: quoted when they can be, a literal otherwise (line breaks,
 * NUL, long text, or 8-bit text for a client that has not enabled UTF-8).
 *
 * @see "RFC 3501 §4.3, §9; RFC 9051 §4.3 (UTF-8 in quoted strings)"
 */
public final class ResponseLine {

  /** Longer strings go as literals, as Angus Mail and Dovecot do. */
  private static final int MAX_QUOTED = 1024;

  private final boolean utf8;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(128);
  private Output out;

  private ResponseLine(boolean utf8, String start) {
    this.utf8 = utf8;
    ascii(start);
  }

  /** A line starting {@code "* "}. */
  public static ResponseLine untagged(boolean utf8) {
    return new ResponseLine(utf8, "* ");
  }

  /** A line starting with {@code tag} and a space. */
  public static ResponseLine tagged(String tag, boolean utf8) {
    return new ResponseLine(utf8, tag + " ");
  }

  /** Appends text as it is (atoms, numbers, keywords, parentheses). */
  public ResponseLine ascii(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    pending.write(bytes, 0, bytes.length);
    return this;
  }

  public ResponseLine sp() {
    pending.write(' ');
    return this;
  }

  public ResponseLine number(long n) {
    return ascii(Long.toString(n));
  }

  public ResponseLine open() {
    pending.write('(');
    return this;
  }

  public ResponseLine close() {
    pending.write(')');
    return this;
  }

  /** {@code nstring}: NIL for null. */
  public ResponseLine nstring(String text) {
    return text == null ? ascii("NIL") : string(text);
  }

  /** {@code string}: quoted when possible, else a literal. */
  public ResponseLine string(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (quotable(bytes)) {
      pending.write('"');
      for (byte b : bytes) {
        if (b == '"' || b == '\\') {
          pending.write('\\');
        }
        pending.write(b);
      }
      pending.write('"');
      return this;
    }
    return literal(bytes);
  }

  /** {@code nstring} from raw octets (header values): quoted when safe, else a literal. */
  public ResponseLine nstring(byte[] bytes) {
    if (bytes == null) {
      return ascii("NIL");
    }
    if (quotable(bytes)) {
      return string(new String(bytes, StandardCharsets.UTF_8));
    }
    return literal(bytes);
  }

  private boolean quotable(byte[] bytes) {
    if (bytes.length > MAX_QUOTED) {
      return false;
    }
    boolean eightBit = false;
    for (byte b : bytes) {
      if (b == '\r' || b == '\n' || b == 0) {
        return false;
      }
      eightBit |= b < 0;
    }
    return !eightBit || (utf8 && Utf8.decode(bytes).isPresent());
  }

  /** A literal {@code {n}} and its octets. */
  public ResponseLine literal(byte[] bytes) {
    ascii("{" + bytes.length + "}\r\n");
    pending.write(bytes, 0, bytes.length);
    return this;
  }

  /**
   * A literal whose octets are streamed from {@code content} (exactly {@code size} of them),
   * written to {@code out} in order with the rest of the line; the transport reads the stream after
   * what precedes it is sent.
   *
   * @param binary whether to announce a literal8 {@code ~{n}} (RFC 3516)
   */
  public ResponseLine literal(Output target, InputStream content, long size, boolean binary) {
    ascii((binary ? "~{" : "{") + size + "}\r\n");
    flushTo(target);
    target.write(content);
    return this;
  }

  private void flushTo(Output target) {
    if (out != null && out != target) {
      throw new IllegalStateException("one line, one output");
    }
    out = target;
    if (pending.size() > 0) {
      target.write(pending.toByteArray());
      pending.reset();
    }
  }

  /** Ends the line with CRLF and writes what remains of it. */
  public void writeTo(Output target) {
    pending.write('\r');
    pending.write('\n');
    flushTo(target);
  }

  /** The line so far as text, for tests and logs (streamed literals are not included). */
  @Override
  public String toString() {
    return pending.toString(StandardCharsets.UTF_8);
  }
}
