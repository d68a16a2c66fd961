package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.yubin.protocol.DialogueScript;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * A dialogue script's connection to a real server: the script's bytes go over a socket, TLS is
 * started for real, and the server's lines are read as they come (up to 30 s each).
 */
final class SocketConnection implements DialogueScript.Connection {

  private static final int TIMEOUT_MILLIS = 30_000;

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private int last = -1;
  private boolean endOfStream;

  SocketConnection(String host, int port) {
    this.host = host;
    this.port = port;
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), 5000);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      in = new BufferedInputStream(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void send(String where, byte[] data) {
    try {
      socket.getOutputStream().write(data);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      fail(where + "cannot send: " + e);
    }
  }

  @Override
  public List<String> arrived() {
    List<String> lines = new ArrayList<>();
    try {
      while (!endOfStream && in.available() > 0) {
        String line = readLine();
        if (line != null) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  @Override
  public String next() {
    try {
      return endOfStream ? null : readLine();
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A whole line without its CRLF; null at the end of the stream (a rest gets "<no CRLF>"). */
  private String readLine() throws IOException {
    while (true) {
      int b = in.read();
      if (b < 0) {
        endOfStream = true;
        if (partial.size() == 0) {
          return null;
        }
        String rest = partial.toString(UTF_8) + "<no CRLF>";
        partial.reset();
        return rest;
      }
      if (b == '\n' && last == '\r') {
        byte[] bytes = partial.toByteArray();
        partial.reset();
        last = -1;
        return new String(bytes, 0, bytes.length - 1, UTF_8);
      }
      partial.write(b);
      last = b;
    }
  }

  @Override
  public void expectClosed(String where) {
    String line = next();
    assertThat(line).as(where + "server output before it closed").isNull();
    assertThat(endOfStream).as(where + "server closed the connection").isTrue();
    finish();
  }

  @Override
  public void startTls(String where) {
    try {
      assertThat(partial.size() + in.available()).as(where + "bytes before the handshake").isZero();
      SSLSocket tls =
          (SSLSocket) Tls.trustAll().getSocketFactory().createSocket(socket, host, port, true);
      tls.setSoTimeout(TIMEOUT_MILLIS);
      tls.startHandshake();
      socket = tls;
      in = new BufferedInputStream(tls.getInputStream());
    } catch (IOException e) {
      fail(where + "TLS handshake failed: " + e);
    }
  }

  @Override
  public void startCompression(String where) {
    fail(where + "COMPRESS is played against the engine only");
  }

  @Override
  public void idle(String where) {
    fail(where + "IDLE (waiting for the idle timeout) is played against the engine only");
  }

  @Override
  public void wake(String where) {
    fail(where + "WAKE is played against the engine only");
  }

  @Override
  public void disconnect() {
    finish();
  }

  @Override
  public void finish() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed either way
    }
  }
}
