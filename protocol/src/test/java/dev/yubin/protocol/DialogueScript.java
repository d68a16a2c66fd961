package dev.yubin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a dialogue file against an engine, in the style of James MPT. One directive per line:
 *
 * <pre>
 * # comment
 * C: EHLO client.test          client sends the text and CRLF
 * C~ DATA\r\n.\n               client sends raw bytes; escapes \r \n \t \\ \xHH, no CRLF added
 * S: 250-.*                    the next server line matches this regular expression
 * CLOSED                       the server has closed the connection
 * TLS                          the server has asked to start TLS (the script goes on as if done)
 * IDLE                         the client stays silent until the idle timeout
 * DISCONNECT                   the client goes away
 * ---                          a new session (same backend)
 * </pre>
 *
 * Every server line must be matched: at each C:, C~, IDLE, DISCONNECT, --- and at the end of the
 * file, no unexpected server output may be left.
 */
public final class DialogueScript {

  private final String name;
  private final List<String> lines;

  private DialogueScript(String name, List<String> lines) {
    this.name = name;
    this.lines = lines;
  }

  /** Loads a script from the test classpath, e.g. {@code /dialogues/smtp/basic.txt}. */
  public static DialogueScript load(String resource) {
    try (InputStream in = DialogueScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no such script: " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new DialogueScript(resource, text.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Plays the script; every session comes from {@code sessions}. */
  public void run(Supplier<ProtocolSession> sessions) {
    ProtocolSession session = null;
    RecordingOutput out = null;
    Deque<String> pending = new ArrayDeque<>();
    int number = 0;
    for (String line : lines) {
      number++;
      String where = name + ":" + number + ": ";
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (session == null || line.equals("---")) {
        if (session != null) {
          expectNothingMore(where, out, pending);
          if (!out.isClosed()) {
            session.closed();
          }
        }
        session = sessions.get();
        out = new RecordingOutput();
        session.open(out);
        pending.clear();
        if (line.equals("---")) {
          continue;
        }
      }
      if (line.startsWith("C: ") || line.startsWith("C~ ")) {
        expectNothingMore(where, out, pending);
        assertThat(out.takeTlsRequest()).as(where + "unexpected TLS start").isFalse();
        assertThat(out.isClosed()).as(where + "client sends after server closed").isFalse();
        byte[] data =
            line.startsWith("C: ")
                ? (line.substring(3) + "\r\n").getBytes(StandardCharsets.UTF_8)
                : unescape(line.substring(3));
        session.receive(data, 0, data.length, out);
      } else if (line.startsWith("S: ")) {
        pending.addAll(out.takeLines());
        if (pending.isEmpty()) {
          fail(where + "expected a server line matching «" + line.substring(3) + "», got none");
        }
        String actual = pending.removeFirst();
        assertThat(actual).as(where + "server line").matches(line.substring(3));
      } else if (line.equals("CLOSED")) {
        expectNothingMore(where, out, pending);
        assertThat(out.isClosed()).as(where + "server closed the connection").isTrue();
        session.closed();
      } else if (line.equals("TLS")) {
        expectNothingMore(where, out, pending);
        assertThat(out.takeTlsRequest()).as(where + "server started TLS").isTrue();
      } else if (line.equals("IDLE")) {
        expectNothingMore(where, out, pending);
        session.idle(out);
      } else if (line.equals("DISCONNECT")) {
        expectNothingMore(where, out, pending);
        session.closed();
        out.close();
      } else {
        fail(where + "unknown directive: " + line);
      }
    }
    if (out != null) {
      expectNothingMore(name + ":end: ", out, pending);
      if (!out.isClosed()) {
        session.closed();
      }
    }
  }

  private static void expectNothingMore(String where, RecordingOutput out, Deque<String> pending) {
    pending.addAll(out.takeLines());
    assertThat(pending).as(where + "unexpected server output").isEmpty();
  }

  static byte[] unescape(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] != '\\' || i + 1 == raw.length) {
        bytes.write(raw[i]);
        continue;
      }
      char c = (char) raw[++i];
      switch (c) {
        case 'r' -> bytes.write('\r');
        case 'n' -> bytes.write('\n');
        case 't' -> bytes.write('\t');
        case '\\' -> bytes.write('\\');
        case 'x' -> {
          bytes.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + c);
      }
    }
    return bytes.toByteArray();
  }
}
