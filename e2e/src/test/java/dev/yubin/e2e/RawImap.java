package dev.yubin.e2e;

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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bare IMAP connection for tests that must know exactly which command the server acknowledged
 * (the tagged OK and its response code) and read message bytes exactly: one command at a time,
 * literals in responses read by their octet count. IOExceptions are unchecked, so a test can tell a
 * connection the server dropped (a kill) from an answer.
 */
final class RawImap implements AutoCloseable {

  private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}$");
  private static final Pattern FETCH = Pattern.compile("^\\* (\\d+) FETCH \\(");

  /** One line of the server's, with the literals it carried, in order. */
  record Line(String text, List<byte[]> literals) {}

  /** The untagged lines of one command and its tagged completion. */
  record Response(List<Line> untagged, String tagged) {
    boolean ok() {
      return tagged.startsWith("OK");
    }

    /** The untagged lines that start with PREFIX (after "* "). */
    List<Line> lines(String prefix) {
      return untagged.stream().filter(l -> l.text().startsWith("* " + prefix)).toList();
    }

    /** The number of the response code CODE (e.g. UIDNEXT, UIDVALIDITY), or -1. */
    long code(String code) {
      Pattern pattern = Pattern.compile("\\[" + code + " (\\d+)");
      for (String text : texts()) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
          return Long.parseLong(m.group(1));
        }
      }
      return -1;
    }

    List<String> texts() {
      List<String> texts = new ArrayList<>();
      untagged.forEach(l -> texts.add(l.text()));
      texts.add(tagged);
      return texts;
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String greeting;
  private int tags;

  RawImap(YubinServer server) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress(server.bind(), server.imapPort()), 5000);
      socket.setSoTimeout(60_000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      greeting = readLine().text();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects and logs in; fails unless the login is accepted. */
  static RawImap login(YubinServer server, String user, String password) {
    RawImap imap = new RawImap(server);
    Response login = imap.command("LOGIN " + quote(user) + " " + quote(password));
    if (!login.ok()) {
      imap.close();
      throw new AssertionError("LOGIN " + user + ": " + login.tagged());
    }
    return imap;
  }

  String greeting() {
    return greeting;
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Sends one command (a tag is added) and reads until its tagged response. */
  Response command(String command) {
    String tag = nextTag();
    send((tag + " " + command + "\r\n").getBytes(UTF_8));
    return until(tag);
  }

  /**
   * APPEND of CONTENT to MAILBOX with FLAGS (e.g. {@code (\Seen)}, or empty), as a synchronizing
   * literal or, with LITERAL_PLUS, a non-synchronizing one (RFC 7888).
   */
  Response append(String mailbox, String flags, byte[] content, boolean literalPlus) {
    String tag = nextTag();
    String head =
        tag
            + " APPEND "
            + quote(mailbox)
            + (flags.isEmpty() ? "" : " " + flags)
            + " {"
            + content.length
            + (literalPlus ? "+" : "")
            + "}\r\n";
    send(head.getBytes(UTF_8));
    if (!literalPlus) {
      Line continuation = readLine();
      if (!continuation.text().startsWith("+")) {
        return new Response(List.of(), continuation.text().replaceFirst("^\\S+ ", ""));
      }
    }
    send(content);
    send("\r\n".getBytes(UTF_8));
    return until(tag);
  }

  /** Starts IDLE and waits for the continuation. */
  void idle() {
    String tag = nextTag();
    send((tag + " IDLE\r\n").getBytes(UTF_8));
    Line continuation = readLine();
    if (!continuation.text().startsWith("+")) {
      throw new AssertionError("IDLE refused: " + continuation.text());
    }
  }

  /** Ends IDLE: answers what the server sent until the tagged OK. */
  Response done() {
    send("DONE\r\n".getBytes(UTF_8));
    return until("t" + tags);
  }

  /** The next line the server sends (untagged data during IDLE). */
  Line readLine() {
    try {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      List<byte[]> literals = new ArrayList<>();
      while (true) {
        String part = rawLine();
        text.writeBytes(part.getBytes(UTF_8));
        Matcher literal = LITERAL.matcher(part);
        if (!literal.find()) {
          return new Line(text.toString(UTF_8), literals);
        }
        literals.add(in.readNBytes(Integer.parseInt(literal.group(1))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sequence number of an untagged {@code * N FETCH (...)} line; -1 for another line. */
  static int fetchNumber(Line line) {
    Matcher m = FETCH.matcher(line.text());
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private String rawLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed after " + line.toString(UTF_8));
      }
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, UTF_8);
      }
      line.write(b);
      previous = b;
    }
  }

  private Response until(String tag) {
    List<Line> untagged = new ArrayList<>();
    while (true) {
      Line line = readLine();
      if (line.text().startsWith(tag + " ")) {
        return new Response(untagged, line.text().substring(tag.length() + 1));
      }
      untagged.add(line);
    }
  }

  private String nextTag() {
    return "t" + ++tags;
  }

  private void send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
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
