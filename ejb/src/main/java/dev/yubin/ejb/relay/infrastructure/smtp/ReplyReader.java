package dev.yubin.ejb.relay.infrastructure.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies with bounded memory and time: a line may be 64 KiB at most (RFC 5321 allows
 * 512 octets; servers exceed it), a reply 100 lines, each kept to 512 characters; the timeout
 * covers the whole reply, so a server dribbling bytes cannot hold the client forever.
 *
 * @see "RFC 5321 §4.2.1 (multi-line replies), §4.5.3.1.5 (reply line length)"
 */
final class ReplyReader {

  static final int MAX_LINE = 64 * 1024;
  static final int MAX_LINES = 100;
  static final int KEPT_CHARS = 512;

  private final InputStream in;
  private final Socket socket;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private byte[] line = new byte[256];

  ReplyReader(InputStream in, Socket socket) {
    this.in = in;
    this.socket = socket;
  }

  /** Whether bytes arrived that no reply has consumed (e.g. injected after a STARTTLS 220). */
  boolean hasBuffered() {
    return position < limit;
  }

  ServerReply read(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> lines = new ArrayList<>();
    int code = -1;
    while (true) {
      String text = readLine(deadline);
      if (text.length() < 3 || !isCode(text)) {
        throw new SmtpProtocolException("malformed reply line: " + shorten(text));
      }
      int lineCode = Integer.parseInt(text.substring(0, 3));
      if (code >= 0 && lineCode != code) {
        throw new SmtpProtocolException(
            "reply code changed inside a multi-line reply: " + shorten(text));
      }
      code = lineCode;
      boolean more;
      if (text.length() == 3) {
        more = false;
      } else if (text.charAt(3) == ' ') {
        more = false;
      } else if (text.charAt(3) == '-') {
        more = true;
      } else {
        throw new SmtpProtocolException("malformed reply line: " + shorten(text));
      }
      if (lines.size() == MAX_LINES) {
        throw new SmtpProtocolException("reply longer than " + MAX_LINES + " lines");
      }
      lines.add(shorten(text.length() > 4 ? text.substring(4) : ""));
      if (!more) {
        return new ServerReply(code, lines);
      }
    }
  }

  private static boolean isCode(String text) {
    char a = text.charAt(0);
    char b = text.charAt(1);
    char c = text.charAt(2);
    return a >= '2' && a <= '5' && b >= '0' && b <= '9' && c >= '0' && c <= '9';
  }

  /** One line without its CRLF (a bare LF is tolerated), control characters made spaces. */
  private String readLine(long deadline) throws IOException {
    int length = 0;
    while (true) {
      if (position == limit) {
        fill(deadline);
      }
      byte b = buffer[position++];
      if (b == '\n') {
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints()
            .forEach(cp -> clean.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return clean.toString();
      }
      if (length == MAX_LINE) {
        throw new SmtpProtocolException("reply line longer than " + MAX_LINE + " octets");
      }
      if (length == line.length) {
        line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
      }
      line[length++] = b;
    }
  }

  private void fill(long deadline) throws IOException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new SocketTimeoutException("no complete reply in time");
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      throw new EOFException("connection closed by the server");
    }
    position = 0;
    limit = n;
  }

  private static String shorten(String text) {
    return text.length() <= KEPT_CHARS ? text : text.substring(0, KEPT_CHARS) + "...";
  }
}
