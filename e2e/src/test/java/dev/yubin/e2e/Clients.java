package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The independent clients (Python smtplib and poplib), driven from the tests. */
final class Clients {

  static final String PASSWORD = "s3cret pass";

  private Clients() {}

  /** Sends MESSAGE with smtplib; answers the lines the script printed. */
  static List<String> smtpSend(YubinServer server, String sender, byte[] message, String... to) {
    Path file = E2e.tempDirectory("msg-").resolve("message.eml");
    try {
      Files.write(file, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>();
    args.add(server.bind());
    args.add(Integer.toString(server.smtpPort()));
    args.add(sender);
    args.add(file.toString());
    args.addAll(List.of(to));
    return E2e.python("smtp_send.py", args.toArray(String[]::new)).requireSuccess().lines();
  }

  /** A file holding MESSAGE exactly, for the clients that read one. */
  static Path messageFile(byte[] message) {
    Path file = E2e.tempDirectory("msg-").resolve("message.eml");
    try {
      Files.write(file, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * One smtplib session to PORT of the server ({@code esmtp_client.py}: {@code --tls
   * starttls|implicit}, {@code --auth login|PLAIN|LOGIN}, {@code --user}, {@code --password},
   * {@code --from}, {@code --to}, {@code --file}, {@code --mail-option}, {@code --source}, {@code
   * --timeout}); fails unless the script ran to its end.
   */
  static List<String> esmtp(YubinServer server, int port, String... options) {
    List<String> args = new ArrayList<>();
    args.add(server.bind());
    args.add(Integer.toString(port));
    args.addAll(List.of(options));
    return E2e.python("esmtp_client.py", args.toArray(String[]::new)).requireSuccess().lines();
  }

  /**
   * One authenticated submission with smtplib: STARTTLS on the submission port, AUTH and MAIL FROM
   * as USER (password {@link #PASSWORD}), then OPTIONS ({@code --to}, {@code --file}, {@code
   * --mail-option}, {@code --rcpt-option}); see {@link #esmtp}.
   */
  static List<String> submit(YubinServer server, String user, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--tls",
                "starttls",
                "--auth",
                "login",
                "--user",
                user,
                "--password",
                PASSWORD,
                "--from",
                user));
    args.addAll(List.of(options));
    return esmtp(server, server.submissionPort(), args.toArray(String[]::new));
  }

  /**
   * TEXT as a command-line argument for the Python clients: as is when ASCII, else {@code
   * utf8-hex:} and its UTF-8 octets in hex (a JVM in the C locale would turn them into '?').
   */
  static String arg(String text) {
    if (text.chars().allMatch(c -> c < 0x80)) {
      return text;
    }
    return "utf8-hex:" + java.util.HexFormat.of().formatHex(text.getBytes(UTF_8));
  }

  /** The line of the smtplib output that starts with PREFIX. */
  static String line(List<String> output, String prefix) {
    return output.stream()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix + " in " + output));
  }

  /** The queue id in a {@code 250 2.0.0 Ok: queued as ID} reply. */
  static String queueId(String reply) {
    Matcher m = Pattern.compile("queued as (\\S+)").matcher(reply);
    if (!m.find()) {
      throw new AssertionError("no queue id in " + reply);
    }
    return m.group(1);
  }

  /**
   * Runs a poplib session. While another session's lock on the maildrop is released (a dropped
   * connection is noticed asynchronously), a login refused with [IN-USE] is retried for a few
   * seconds.
   */
  static E2e.Result pop3(YubinServer server, String user, String password, String... actions) {
    return pop3(server, false, user, password, actions);
  }

  /** As {@link #pop3(YubinServer, String, String, String...)}, over POP3S when TLS is true. */
  static E2e.Result pop3(
      YubinServer server, boolean tls, String user, String password, String... actions) {
    List<String> args = new ArrayList<>();
    if (tls) {
      args.add("--ssl");
    }
    args.add(server.bind());
    args.add(Integer.toString(tls ? server.pop3sPort() : server.pop3Port()));
    args.add(user);
    args.add(password);
    args.addAll(List.of(actions));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      E2e.Result result = E2e.python("pop3_client.py", args.toArray(String[]::new));
      boolean locked = result.exitCode() == 3 && result.stdout().contains("[IN-USE]");
      if (!locked || Instant.now().isAfter(deadline)) {
        return result;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return result;
      }
    }
  }

  /** Runs an imaplib session (see imap_client.py for the actions), over IMAPS when TLS is true. */
  static E2e.Result imap(
      YubinServer server, boolean tls, String user, String password, String... actions) {
    List<String> args = new ArrayList<>();
    if (tls) {
      args.add("--ssl");
    }
    args.add(server.bind());
    args.add(Integer.toString(tls ? server.imapsPort() : server.imapPort()));
    args.add(user);
    args.add(password);
    args.addAll(List.of(actions));
    return E2e.python("imap_client.py", args.toArray(String[]::new));
  }

  /** STAT of the maildrop: the message count. */
  static int count(YubinServer server, String user) {
    String stat =
        line(pop3(server, user, PASSWORD, "stat", "quit").requireSuccess().lines(), "STAT");
    return Integer.parseInt(stat.split(" ")[1]);
  }

  /** Every message in the maildrop, as retrieved by poplib, without deleting any. */
  static List<byte[]> fetchAll(YubinServer server, String user) {
    return fetchAll(server, false, user);
  }

  /** As {@link #fetchAll(YubinServer, String)}, over POP3S (poplib's POP3_SSL) when TLS is true. */
  static List<byte[]> fetchAll(YubinServer server, boolean tls, String user) {
    Path directory = E2e.tempDirectory("pop3-");
    String line =
        line(
            pop3(server, tls, user, PASSWORD, "retrall:" + directory, "quit")
                .requireSuccess()
                .lines(),
            "RETRALL");
    int count = Integer.parseInt(line.split(" ")[1]);
    List<byte[]> messages = new ArrayList<>();
    try {
      for (int i = 1; i <= count; i++) {
        messages.add(Files.readAllBytes(directory.resolve(i + ".eml")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return messages;
  }

  /** The one message in the maildrop; fails unless there is exactly one. */
  static byte[] fetchOnly(YubinServer server, String user) {
    return fetchOnly(server, false, user);
  }

  /** The one message in the maildrop, over POP3S when TLS is true. */
  static byte[] fetchOnly(YubinServer server, boolean tls, String user) {
    List<byte[]> all = fetchAll(server, tls, user);
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one message for " + user + ", got " + all.size());
    }
    return all.get(0);
  }

  static byte[] crlf(String... lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append("\r\n");
    }
    return text.toString().getBytes(UTF_8);
  }
}
