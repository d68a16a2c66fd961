package dev.yubin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a dialogue file against an engine, or over sockets against a real server, in the style of
 * James MPT. One directive per line:
 *
 * <pre>
 * # comment
 * C: EHLO client.test          client sends the text and CRLF
 * C~ DATA\r\n.\n               client sends raw bytes; escapes \r \n \t \\ \xHH, no CRLF added
 * C* 5000 a NOOP\r\n           client sends the text (escapes as in C~) so many times at once
 * S: 250-.*                    the next server line matches this regular expression
 * S* 5000 a OK .*              so many next server lines match it
 * UNORDERED                    the S: lines up to END match the next server lines in any order
 * END
 * CLOSED                       the server has closed the connection
 * TLS                          the server has asked to start TLS (the script goes on as if done;
 *                              over a socket, the client does the handshake)
 * COMPRESS                     the server has asked to compress (the script goes on as if done,
 *                              speaking to the engine uncompressed as the transport would)
 * IDLE                         the client stays silent until the idle timeout
 * WAKE                         the transport wakes the session (a change was announced)
 * DISCONNECT                   the client goes away
 * SESSION name                 further lines talk to the named session (opened on first use;
 *                              the first session is called "1")
 * ---                          a new session (same backend)
 * DELIVER Subject: x\r\n\r\nbody\r\n   a message (escapes as in C~) arrives in the INBOX of
 *                              ${user}, as mail delivery puts it there
 * TRACE                        the next server lines may be the trace fields final delivery
 *                              prepends (Return-Path:, Received: and their folded lines), or none
 * </pre>
 *
 * <p>{@code ${name}} in C:, C~, S: and DELIVER lines stands for a variable given with {@link #with}
 * (in S: lines, for its text quoted). A named group {@code (?<name>...)} in an S: line sets the
 * variable to what it matched, e.g. a UIDVALIDITY the script uses later.
 *
 * <p>Every server line must be matched: at each C:, C~, IDLE, WAKE, DISCONNECT, SESSION, --- and at
 * the end of the file, no unexpected server output may be left in the current session (over a
 * socket: none that has already arrived).
 */
public final class DialogueScript {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)\\}");
  private static final Pattern TRACE = Pattern.compile("Return-Path:|Received:|\t");
  private static final Pattern GROUP = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>");

  private final String name;
  private final List<String> lines;
  private final Map<String, String> variables;

  private DialogueScript(String name, List<String> lines, Map<String, String> variables) {
    this.name = name;
    this.lines = lines;
    this.variables = variables;
  }

  /** Loads a script from the test classpath, e.g. {@code /dialogues/smtp/basic.txt}. */
  public static DialogueScript load(String resource) {
    try (InputStream in = DialogueScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no such script: " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new DialogueScript(resource, text.lines().toList(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The names of the scripts ({@code *.txt}) in a folder of the test classpath, sorted; the folder
   * may be in a directory or a jar.
   */
  public static List<String> list(String folder) {
    URL url = DialogueScript.class.getResource(folder);
    if (url == null) {
      throw new IllegalArgumentException("no such folder: " + folder);
    }
    try {
      URI uri = url.toURI();
      if (!uri.getScheme().equals("jar")) {
        return names(Path.of(uri));
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return names(jar.getPath(folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(file -> file.endsWith(".txt"))
          .sorted()
          .toList();
    }
  }

  /** This script with {@code ${name}} standing for VALUE. */
  public DialogueScript with(String variable, String value) {
    Map<String, String> more = new HashMap<>(variables);
    more.put(variable, value);
    return new DialogueScript(name, lines, Map.copyOf(more));
  }

  /** What a script plays against: an engine with a fake backend, or a real server. */
  public interface Target {

    /** A new client connection; the server's greeting may follow. */
    Connection connect();

    /** Puts MESSAGE into the INBOX of the script's user, as mail delivery would. */
    void deliver(byte[] message);
  }

  /** One client connection, as the script sees it. */
  public interface Connection {

    /** Sends the client's bytes. */
    void send(String where, byte[] data);

    /** The server lines that have arrived, without waiting for more; takes them. */
    List<String> arrived();

    /** The next server line, waiting for it where the server is remote; null if none comes. */
    String next();

    /** Asserts that the server has closed the connection. */
    void expectClosed(String where);

    /** The server has asked to start TLS: asserts so, and starts it where there is a socket. */
    void startTls(String where);

    /** The server has asked to compress. */
    void startCompression(String where);

    /** The client stays silent until the idle timeout. */
    void idle(String where);

    /** The transport wakes the session. */
    void wake(String where);

    /** The client goes away. */
    void disconnect();

    /** The script is over: releases the connection unless the server has closed it. */
    void finish();
  }

  /** A target of engine sessions, without delivery. */
  public static Target engine(Supplier<ProtocolSession> sessions) {
    return engine(
        sessions,
        message -> {
          throw new UnsupportedOperationException("DELIVER needs a target that delivers");
        });
  }

  /** A target of engine sessions; DELIVER hands the message to DELIVERY. */
  public static Target engine(Supplier<ProtocolSession> sessions, Consumer<byte[]> delivery) {
    return new Target() {
      @Override
      public Connection connect() {
        return new EngineConnection(sessions.get());
      }

      @Override
      public void deliver(byte[] message) {
        delivery.accept(message);
      }
    };
  }

  /** One client connection of the script, with the server lines it has not matched yet. */
  private static final class Client {
    final Connection connection;
    final Deque<String> pending = new ArrayDeque<>();

    Client(Connection connection) {
      this.connection = connection;
    }

    void expectNothingMore(String where) {
      pending.addAll(connection.arrived());
      assertThat(pending).as(where + "unexpected server output").isEmpty();
    }

    void skipTrace() {
      while (true) {
        pending.addAll(connection.arrived());
        if (pending.isEmpty()) {
          String line = connection.next();
          if (line == null) {
            return;
          }
          pending.add(line);
        }
        if (!TRACE.matcher(pending.peekFirst()).lookingAt()) {
          return;
        }
        pending.removeFirst();
      }
    }

    String nextLine(String where, String expected) {
      pending.addAll(connection.arrived());
      if (pending.isEmpty()) {
        String line = connection.next();
        if (line == null) {
          fail(where + "expected a server line matching «" + expected + "», got none");
        }
        return line;
      }
      return pending.removeFirst();
    }
  }

  /** Plays the script; every session comes from {@code sessions}. */
  public void run(Supplier<ProtocolSession> sessions) {
    run(engine(sessions));
  }

  /** Plays the script against TARGET. */
  public void run(Target target) {
    Map<String, String> values = new HashMap<>(variables);
    Map<String, Client> clients = new LinkedHashMap<>();
    Client client = null;
    List<String> unordered = null;
    int number = 0;
    for (String raw : lines) {
      number++;
      String where = name + ":" + number + ": ";
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      String line = substitute(where, raw, values);
      if (unordered != null) {
        if (line.equals("END")) {
          matchUnordered(where, client, unordered, values);
          unordered = null;
        } else if (line.startsWith("S: ")) {
          unordered.add(line.substring(3));
        } else {
          fail(where + "only S: lines may stand between UNORDERED and END");
        }
        continue;
      }
      if (line.startsWith("DELIVER ")) {
        target.deliver(unescape(line.substring(8)));
        continue;
      }
      if (line.startsWith("SESSION ")) {
        if (client != null) {
          client.expectNothingMore(where);
        }
        client =
            clients.computeIfAbsent(line.substring(8).strip(), n -> new Client(target.connect()));
        continue;
      }
      if (client == null || line.equals("---")) {
        if (client != null) {
          client.expectNothingMore(where);
          client.connection.finish();
        }
        client = new Client(target.connect());
        clients.put(clients.isEmpty() ? "1" : "#" + number, client);
        if (line.equals("---")) {
          continue;
        }
      }
      Connection connection = client.connection;
      if (line.startsWith("C: ") || line.startsWith("C~ ") || line.startsWith("C* ")) {
        client.expectNothingMore(where);
        connection.send(where, clientBytes(line));
      } else if (line.startsWith("S: ")) {
        String pattern = line.substring(3);
        String actual = client.nextLine(where, pattern);
        assertThat(actual).as(where + "server line").matches(pattern);
        capture(pattern, actual, values);
      } else if (line.startsWith("S* ")) {
        String[] countAndPattern = line.substring(3).split(" ", 2);
        for (int i = Integer.parseInt(countAndPattern[0]); i > 0; i--) {
          String actual = client.nextLine(where, countAndPattern[1]);
          assertThat(actual).as(where + "server line").matches(countAndPattern[1]);
        }
      } else if (line.equals("TRACE")) {
        client.skipTrace();
      } else if (line.equals("UNORDERED")) {
        unordered = new ArrayList<>();
      } else if (line.equals("CLOSED")) {
        client.expectNothingMore(where);
        connection.expectClosed(where);
      } else if (line.equals("TLS")) {
        client.expectNothingMore(where);
        connection.startTls(where);
      } else if (line.equals("COMPRESS")) {
        client.expectNothingMore(where);
        connection.startCompression(where);
      } else if (line.equals("IDLE")) {
        client.expectNothingMore(where);
        connection.idle(where);
      } else if (line.equals("WAKE")) {
        client.expectNothingMore(where);
        connection.wake(where);
      } else if (line.equals("DISCONNECT")) {
        client.expectNothingMore(where);
        connection.disconnect();
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
      each.connection.finish();
    }
  }

  /** The bytes a C:, C~ or C* line sends. */
  private static byte[] clientBytes(String line) {
    if (line.startsWith("C: ")) {
      return (line.substring(3) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
    if (line.startsWith("C~ ")) {
      return unescape(line.substring(3));
    }
    String[] countAndText = line.substring(3).split(" ", 2);
    byte[] once = unescape(countAndText[1]);
    int count = Integer.parseInt(countAndText[0]);
    byte[] all = new byte[once.length * count];
    for (int i = 0; i < count; i++) {
      System.arraycopy(once, 0, all, i * once.length, once.length);
    }
    return all;
  }

  /** LINE with its variables replaced; in S: lines by their quoted text. */
  private static String substitute(String where, String line, Map<String, String> values) {
    boolean pattern = line.startsWith("S: ");
    Matcher variable = VARIABLE.matcher(line);
    StringBuilder result = new StringBuilder();
    while (variable.find()) {
      String value = values.get(variable.group(1));
      if (value == null) {
        fail(where + "no value for ${" + variable.group(1) + "}");
      }
      variable.appendReplacement(
          result, Matcher.quoteReplacement(pattern ? Pattern.quote(value) : value));
    }
    return variable.appendTail(result).toString();
  }

  /** Sets the variables named by the groups of PATTERN to what they matched in ACTUAL. */
  private static void capture(String pattern, String actual, Map<String, String> values) {
    Matcher groups = GROUP.matcher(pattern);
    Matcher match = null;
    while (groups.find()) {
      if (match == null) {
        match = Pattern.compile(pattern).matcher(actual);
        match.matches();
      }
      values.put(groups.group(1), match.group(groups.group(1)));
    }
  }

  private static void matchUnordered(
      String where, Client client, List<String> patterns, Map<String, String> values) {
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
      capture(pattern, match, values);
    }
  }

  /** The bytes of TEXT with its escapes \r \n \t \\ \xHH resolved. */
  public static byte[] unescape(String text) {
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
