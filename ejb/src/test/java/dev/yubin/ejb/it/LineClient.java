package dev.yubin.ejb.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain socket client for line protocols (SMTP, POP3): sends CRLF lines and reads replies, so the
 * tests speak to the listeners exactly as a mail client does, with nothing of Yubin in between.
 */
final class LineClient implements AutoCloseable {

  private static final int TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private LineClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects to a listener of the server under test on the loopback address. */
  static LineClient connect(String host, int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return new LineClient(socket);
  }

  /** Sends one line; CRLF is added. */
  void send(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** One line without its CRLF. */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after: " + line.toString(StandardCharsets.UTF_8));
      }
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      line.write(b);
      previous = b;
    }
  }

  /** A whole SMTP reply: its lines, up to the one whose code is followed by a space. */
  List<String> readSmtpReply() throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    do {
      line = readLine();
      lines.add(line);
    } while (line.length() > 3 && line.charAt(3) == '-');
    return lines;
  }

  /** Sends a command and answers the (last line of the) SMTP reply. */
  String smtp(String command) throws IOException {
    send(command);
    List<String> reply = readSmtpReply();
    return reply.get(reply.size() - 1);
  }

  /** Sends a command and answers the one-line POP3 response. */
  String pop3(String command) throws IOException {
    send(command);
    return readLine();
  }

  /**
   * The body of a POP3 multi-line response after its status line: lines up to the terminating dot,
   * dot-unstuffed, each ended by CRLF again (RFC 1939 §3).
   */
  String readMultiLine() throws IOException {
    StringBuilder body = new StringBuilder();
    for (String line = readLine(); !line.equals("."); line = readLine()) {
      body.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
    }
    return body.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
