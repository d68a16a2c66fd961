package dev.yubin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a dialogue file against an engine, in the style of James MPT. One directive per line:
 *
 * <pre>
 * # comment
 * C: EHLO client.test          client sends the text and CRLF
 * C~ DATA\r\n.\n               client sends raw bytes; escapes \r \n \t \\ \xHH, no CRLF added
 * S: 250-.*                    the next server line matches this regular expression
 * UNORDERED                    the S: lines up to END match the next server lines in any order
 * END
 * CLOSED                       the server has closed the connection
 * TLS                          the server has asked to start TLS (the script goes on as if done)
 * COMPRESS                     the server has asked to compress (the script goes on as if done,
 *                              speaking to the engine uncompressed as the transport would)
 * IDLE                         the client stays silent until the idle timeout
 * WAKE                         the transport wakes the session (a change was announced)
 * DISCONNECT                   the client goes away
 * SESSION name                 further lines talk to the named session (opened on first use;
 *                              the first session is called "1")
 * ---                          a new session (same backend)
 * </pre>
 *
 * Every server line must be matched: at each C:, C~, IDLE, WAKE, DISCONNECT, SESSION, --- and at
 * the end of the file, no unexpected server output may be left in the current session.
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

  /** One client connection of the script. */
  private static final class Client {
    final ProtocolSession session;
    final RecordingOutput out = new RecordingOutput();
    final Deque<String> pending = new ArrayDeque<>();

    Client(ProtocolSession session) {
      this.session = session;
      session.open(out);
    }

    void expectNothingMore(String where) {
      pending.addAll(out.takeLines());
      assertThat(pending).as(where + "unexpected server output").isEmpty();
    }

    String nextLine(String where, String expected) {
      pending.addAll(out.takeLines());
      if (pending.isEmpty()) {
        fail(where + "expected a server line matching «" + expected + "», got none");
      }
      return pending.removeFirst();
    }

    void finish() {
      if (!out.isClosed()) {
        session.closed();
      }
    }
  }

  /** Plays the script; every session comes from {@code sessions}. */
  public void run(Supplier<ProtocolSession> sessions) {
    Map<String, Client> clients = new LinkedHashMap<>();
    Client client = null;
    List<String> unordered = null;
    int number = 0;
    for (String line : lines) {
      number++;
      String where = name + ":" + number + ": ";
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (unordered != null) {
        if (line.equals("END")) {
          matchUnordered(where, client, unordered);
          unordered = null;
        } else if (line.startsWith("S: ")) {
          unordered.add(line.substring(3));
        } else {
          fail(where + "only S: lines may stand between UNORDERED and END");
        }
        continue;
      }
      if (line.startsWith("SESSION ")) {
        if (client != null) {
          client.expectNothingMore(where);
        }
        client =
            clients.computeIfAbsent(line.substring(8).strip(), n -> new Client(sessions.get()));
        continue;
      }
      if (client == null || line.equals("---")) {
        if (client != null) {
          client.expectNothingMore(where);
          client.finish();
        }
        client = new Client(sessions.get());
        clients.put(clients.isEmpty() ? "1" : "#" + number, client);
        if (line.equals("---")) {
          continue;
        }
      }
      RecordingOutput out = client.out;
      if (line.startsWith("C: ") || line.startsWith("C~ ")) {
        client.expectNothingMore(where);
        assertThat(out.takeTlsRequest()).as(where + "unexpected TLS start").isFalse();
        assertThat(out.takeCompressionRequest()).as(where + "unexpected compression").isFalse();
        assertThat(out.isClosed()).as(where + "client sends after server closed").isFalse();
        byte[] data =
            line.startsWith("C: ")
                ? (line.substring(3) + "\r\n").getBytes(StandardCharsets.UTF_8)
                : unescape(line.substring(3));
        client.session.receive(data, 0, data.length, out);
      } else if (line.startsWith("S: ")) {
        String actual = client.nextLine(where, line.substring(3));
        assertThat(actual).as(where + "server line").matches(line.substring(3));
      } else if (line.equals("UNORDERED")) {
        unordered = new ArrayList<>();
      } else if (line.equals("CLOSED")) {
        client.expectNothingMore(where);
        assertThat(out.isClosed()).as(where + "server closed the connection").isTrue();
        client.session.closed();
      } else if (line.equals("TLS")) {
        client.expectNothingMore(where);
        assertThat(out.takeTlsRequest()).as(where + "server started TLS").isTrue();
      } else if (line.equals("COMPRESS")) {
        client.expectNothingMore(where);
        assertThat(out.takeCompressionRequest()).as(where + "server started compression").isTrue();
      } else if (line.equals("IDLE")) {
        client.expectNothingMore(where);
        client.session.idle(out);
      } else if (line.equals("WAKE")) {
        client.expectNothingMore(where);
        client.session.wake(out);
      } else if (line.equals("DISCONNECT")) {
        client.expectNothingMore(where);
        client.session.closed();
        out.close();
      } else {
        fail(where + "unknown directive: " + line);
      }
    }
    if (unordered != null) {
      fail(name + ":end: UNORDERED without END");
    }
    for (Client each : clients.values()) {
      if (each == client) {
        each.expectNothingMore(name + ":end: ");
      }
      each.finish();
    }
  }

  private static void matchUnordered(String where, Client client, List<String> patterns) {
    List<String> actual = new ArrayList<>();
    for (String pattern : patterns) {
      actual.add(client.nextLine(where, pattern));
    }
    List<String> left = new ArrayList<>(actual);
    for (String pattern : patterns) {
      String match = left.stream().filter(l -> l.matches(pattern)).findFirst().orElse(null);
      if (match == null) {
        fail(where + "no server line among " + actual + " matches «" + pattern + "»");
      }
      left.remove(match);
    }
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
