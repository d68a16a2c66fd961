package dev.yubin.ejb.relay.infrastructure.smtp;

import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted SMTP server on 127.0.0.1: each accepted connection runs the next script; what the
 * client sent and what the script answered are kept as a transcript ({@code C: } / {@code S: }).
 */
final class FakeSmtpServer implements AutoCloseable {

  /** What the server does in one session. */
  @FunctionalInterface
  interface Script {
    void run(Session session) throws Exception;
  }

  private final ServerSocket listener;
  private final Thread thread;
  final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
  private volatile Throwable problem;

  FakeSmtpServer(Script... scripts) throws IOException {
    listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread =
        new Thread(
            () -> {
              try {
                for (Script script : scripts) {
                  try (Socket socket = listener.accept()) {
                    socket.setSoTimeout(10_000);
                    script.run(new Session(socket));
                  } catch (java.net.SocketException e) {
                    // The client hung up while the script still wrote (it may, after an error):
                    // go on with the next script.
                  }
                }
              } catch (Throwable t) {
                if (!listener.isClosed()) {
                  problem = t;
                }
              }
            },
            "fake-smtp-server");
    thread.setDaemon(true);
    thread.start();
  }

  HostAndPort target() {
    return new HostAndPort("localhost", listener.getLocalPort(), InetAddress.getLoopbackAddress());
  }

  /** Waits for the scripts to finish and rethrows what went wrong in them. */
  void finish() throws Exception {
    thread.join(TimeUnit.SECONDS.toMillis(15));
    if (thread.isAlive()) {
      throw new AssertionError("fake server still running; transcript: " + transcript);
    }
    if (problem != null) {
      throw new AssertionError("fake server failed; transcript: " + transcript, problem);
    }
  }

  /** The lines the client sent, in order. */
  List<String> clientLines() {
    synchronized (transcript) {
      return transcript.stream().filter(l -> l.startsWith("C: ")).map(l -> l.substring(3)).toList();
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  /** One connection seen from the server. */
  final class Session {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Session(Socket socket) throws IOException {
      use(socket);
    }

    private void use(Socket s) throws IOException {
      socket = s;
      in = new BufferedInputStream(s.getInputStream());
      out = s.getOutputStream();
    }

    void reply(String... lines) throws IOException {
      StringBuilder wire = new StringBuilder();
      for (String line : lines) {
        transcript.add("S: " + line);
        wire.append(line).append("\r\n");
      }
      out.write(wire.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void raw(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** The next line from the client, without CRLF; null at end of stream. */
    String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int length =
              bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
          transcript.add("C: " + text);
          return text;
        }
        line.write(b);
      }
      return null;
    }

    /** Reads a line and checks it against a regular expression (case-insensitive). */
    String expect(String regex) throws IOException {
      String line = line();
      if (line == null || !line.matches("(?i)" + regex)) {
        throw new AssertionError("expected " + regex + " but the client sent " + line);
      }
      return line;
    }

    /** Whether the client has sent bytes not yet read. */
    boolean pending() throws IOException {
      return in.available() > 0;
    }

    /** The DATA content as on the wire, up to and including CRLF.CRLF. */
    byte[] data() throws IOException {
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        data.write(b);
        byte[] d = data.toByteArray();
        int n = d.length;
        if ((n == 3 && d[0] == '.' && d[1] == '\r' && d[2] == '\n')
            || (n >= 5
                && d[n - 5] == '\r'
                && d[n - 4] == '\n'
                && d[n - 3] == '.'
                && d[n - 2] == '\r'
                && d[n - 1] == '\n')) {
          transcript.add("C: <" + n + " octets of data>");
          return d;
        }
      }
      throw new IOException("end of stream inside DATA");
    }

    /** Greeting and an EHLO answered with the given keywords. */
    void ehlo(String... keywords) throws IOException {
      reply("220 fake.test ESMTP");
      expect("EHLO .*");
      String[] lines = new String[keywords.length + 1];
      lines[0] = "fake.test";
      System.arraycopy(keywords, 0, lines, 1, keywords.length);
      for (int i = 0; i < lines.length; i++) {
        lines[i] = "250" + (i == lines.length - 1 ? " " : "-") + lines[i];
      }
      reply(lines);
    }

    /** A plain transaction for the given number of recipients, without pipelining. */
    byte[] transaction(int recipients) throws IOException {
      expect("MAIL FROM:<.*");
      reply("250 2.1.0 ok");
      for (int i = 0; i < recipients; i++) {
        expect("RCPT TO:<.*");
        reply("250 2.1.5 ok");
      }
      expect("DATA");
      reply("354 go ahead");
      byte[] data = data();
      reply("250 2.0.0 queued as X");
      return data;
    }

    void quit() throws IOException {
      expect("QUIT");
      reply("221 2.0.0 bye");
    }

    /** Upgrades the connection after a 220 to STARTTLS. */
    void startTls(SSLContext context) throws IOException {
      SSLSocket ssl =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(
                      socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
      ssl.setUseClientMode(false);
      ssl.startHandshake();
      use(ssl);
    }

    void close() throws IOException {
      socket.close();
    }
  }
}
