package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLSocket;

/**
 * A bare SMTP socket for what no well-behaved client sends: overlong lines, NUL bytes, bare LFs,
 * half a message, commands pipelined after STARTTLS. Everything the server wrote is kept in {@link
 * #transcript()}.
 */
final class RawSmtp implements AutoCloseable {

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

  /** A plain connection to the MX port. */
  RawSmtp(YubinServer server) {
    this(server, server.smtpPort());
  }

  /** A plain connection to PORT of the server (MX, submission, or submissions before TLS). */
  RawSmtp(YubinServer server, int port) {
    this.host = server.bind();
    this.port = port;
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), 5000);
      socket.setSoTimeout(30_000);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A connection to the implicit-TLS submission port: TLS first, then the greeting. */
  static RawSmtp implicitTls(YubinServer server) {
    return new RawSmtp(server, server.submissionsPort()).handshake();
  }

  /**
   * Turns this connection into TLS (after a 220 to STARTTLS), trusting the server's self-signed
   * certificate. Whatever the server had sent before and not yet read is lost to the handshake, as
   * it would be for any client.
   */
  RawSmtp handshake() {
    try {
      SSLSocket tls =
          (SSLSocket) Tls.trustAll().getSocketFactory().createSocket(socket, host, port, true);
      tls.setSoTimeout(socket.getSoTimeout());
      tls.startHandshake();
      socket = tls;
      in = tls.getInputStream();
      out = tls.getOutputStream();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whatever the server sends within MILLIS and without being asked; empty if nothing. */
  String unsolicited(int millis) {
    ByteArrayOutputStream extra = new ByteArrayOutputStream();
    try {
      socket.setSoTimeout(millis);
      while (true) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        transcript.write(b);
        extra.write(b);
      }
    } catch (SocketTimeoutException e) {
      // nothing more within the time
    } catch (IOException e) {
      extra.writeBytes(("(" + e + ")").getBytes(ISO_8859_1));
    } finally {
      try {
        socket.setSoTimeout(30_000);
      } catch (IOException ignored) {
        // the socket is gone; the next read says so
      }
    }
    return extra.toString(ISO_8859_1);
  }

  /** Sends a line: TEXT and CRLF. */
  RawSmtp line(String text) {
    return send((text + "\r\n").getBytes(ISO_8859_1));
  }

  RawSmtp send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a line and reads the reply. */
  String command(String text) {
    line(text);
    return reply();
  }

  /**
   * One whole reply (all lines of a multi-line one), lines joined by LF, without the final CRLF.
   */
  String reply() {
    StringBuilder reply = new StringBuilder();
    while (true) {
      String line = readLine();
      if (line == null) {
        throw new AssertionError("connection closed; read so far: " + reply);
      }
      if (reply.length() > 0) {
        reply.append('\n');
      }
      reply.append(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return reply.toString();
      }
    }
  }

  /** Whether the server has closed the connection (reads up to the timeout). */
  boolean closedByServer(int timeoutMillis) {
    try {
      socket.setSoTimeout(timeoutMillis);
      int b = in.read();
      if (b >= 0) {
        transcript.write(b);
      }
      return b < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Opens a session: greeting, EHLO. */
  RawSmtp greetAndEhlo() {
    String greeting = reply();
    if (!greeting.startsWith("220")) {
      throw new AssertionError("greeting: " + greeting);
    }
    String ehlo = command("EHLO raw.e2e.test");
    if (!ehlo.startsWith("250")) {
      throw new AssertionError("EHLO: " + ehlo);
    }
    return this;
  }

  /** Everything the server sent on this connection, as ISO-8859-1 text. */
  String transcript() {
    return transcript.toString(ISO_8859_1);
  }

  private String readLine() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      while (true) {
        int b = in.read();
        if (b < 0) {
          return line.size() == 0 ? null : line.toString(ISO_8859_1);
        }
        transcript.write(b);
        if (b == '\n') {
          String text = line.toString(ISO_8859_1);
          return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        line.write(b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the socket at once, without QUIT: the client vanished. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all we wanted
    }
  }
}
