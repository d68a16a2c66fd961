package dev.yubin.ear;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare POP3 client on a socket (RFC 1939), so the test sees the server's exact replies. */
final class Pop3Client implements AutoCloseable {

  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;
  private final String greeting;

  Pop3Client(String host, int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(10_000);
    in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    out = socket.getOutputStream();
    greeting = in.readLine();
  }

  String greeting() {
    return greeting;
  }

  /** Sends one command and returns the status line. */
  String command(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return in.readLine();
  }

  /** Reads a multi-line response body up to the terminating ".", removing dot-stuffing. */
  String body() throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals(".")) {
        return text.toString();
      }
      text.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
    }
    throw new IOException("connection closed before the end of the response");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
