package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bare POP3 connection that stays open while a test does other things (poplib's sessions in
 * pop3_client.py run from login to QUIT in one go): one command at a time, multi-line answers
 * dot-unstuffed to the bytes.
 */
final class RawPop3 implements AutoCloseable {

  /** A status line and, when it was +OK to a multi-line command, the data. */
  record Reply(String status, byte[] data) {
    boolean ok() {
      return status.startsWith("+OK");
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawPop3(YubinServer server) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress(server.bind(), server.pop3Port()), 5000);
      socket.setSoTimeout(60_000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      line();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects and logs in (USER, PASS); fails unless the maildrop is opened. */
  static RawPop3 login(YubinServer server, String user, String password) {
    RawPop3 pop = new RawPop3(server);
    String userReply = pop.command("USER " + user);
    String passReply = pop.command("PASS " + password);
    if (!userReply.startsWith("+OK") || !passReply.startsWith("+OK")) {
      pop.close();
      throw new AssertionError("POP3 login " + user + ": " + userReply + " / " + passReply);
    }
    return pop;
  }

  /** A command with a one-line answer. */
  String command(String command) {
    send(command);
    return line();
  }

  /** A command with a multi-line answer when it succeeds (RETR, TOP, UIDL, LIST). */
  Reply multiLine(String command) {
    send(command);
    String status = line();
    if (!status.startsWith("+OK")) {
      return new Reply(status, null);
    }
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    while (true) {
      String line = line();
      if (line.equals(".")) {
        return new Reply(status, data.toByteArray());
      }
      data.writeBytes((line.startsWith(".") ? line.substring(1) : line).getBytes(ISO_8859_1));
      data.writeBytes(new byte[] {'\r', '\n'});
    }
  }

  /** UIDL: message number to unique id. */
  Map<Integer, String> uidl() {
    Reply reply = multiLine("UIDL");
    if (!reply.ok()) {
      throw new AssertionError("UIDL: " + reply.status());
    }
    Map<Integer, String> ids = new LinkedHashMap<>();
    new String(reply.data(), UTF_8)
        .lines()
        .map(line -> line.split(" "))
        .forEach(words -> ids.put(Integer.parseInt(words[0]), words[1]));
    return ids;
  }

  private void send(String command) {
    try {
      out.write((command + "\r\n").getBytes(UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line without CRLF, as ISO-8859-1: every byte of a message line comes back unchanged. */
  private String line() {
    try {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int previous = -1;
      while (true) {
        int b = in.read();
        if (b < 0) {
          throw new EOFException("connection closed after " + line.toString(UTF_8));
        }
        if (previous == '\r' && b == '\n') {
          byte[] bytes = line.toByteArray();
          return new String(Arrays.copyOf(bytes, bytes.length - 1), ISO_8859_1);
        }
        line.write(b);
        previous = b;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed either way
    }
  }
}
