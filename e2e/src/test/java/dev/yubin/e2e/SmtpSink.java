package dev.yubin.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A minimal next hop ({@code smtp_sink.py}): SMTP with no DSN or PIPELINING (STARTTLS only when
 * given a certificate), taking every message and logging what the client did, one event per line.
 */
final class SmtpSink implements AutoCloseable {

  private final Process process;
  private final String host;
  private final int port;
  private final Path events;

  private SmtpSink(Process process, String host, int port, Path events) {
    this.process = process;
    this.host = host;
    this.port = port;
    this.events = events;
  }

  /** A sink on a free port of 127.0.0.1. */
  static SmtpSink start() {
    return start("127.0.0.1", 0, null);
  }

  /**
   * A sink on {@code host}, on {@code port} (0: a free one), offering STARTTLS with the given
   * certificate when it is not null.
   */
  static SmtpSink start(String host, int port, TestCertificate certificate) {
    Path dir = E2e.tempDirectory("sink-");
    Path events = dir.resolve("events.log");
    try {
      Files.createFile(events);
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  "python3",
                  E2e.pythonDirectory().resolve("smtp_sink.py").toString(),
                  host,
                  events.toString(),
                  "--port",
                  Integer.toString(port)));
      if (certificate != null) {
        command.addAll(
            List.of(
                "--cert",
                certificate.certificate().toString(),
                "--key",
                certificate.key().toString()));
      }
      Process process =
          new ProcessBuilder(command)
              .redirectError(dir.resolve("stderr.log").toFile())
              .redirectInput(new File("/dev/null"))
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
      String first = out.readLine();
      if (first == null || !first.startsWith("PORT ")) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "smtp_sink.py did not start: " + Files.readString(dir.resolve("stderr.log")));
      }
      return new SmtpSink(process, host, Integer.parseInt(first.substring(5).trim()), events);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code host:port}, for {@code yubin.relay.smarthost}. */
  String address() {
    return host + ":" + port;
  }

  int port() {
    return port;
  }

  /**
   * The content of every message received so far, in order, as it came over the wire between DATA
   * and the final "." (still dot-stuffed).
   */
  List<byte[]> rawMessages() {
    List<byte[]> messages = new java.util.ArrayList<>();
    for (int n = 1; Files.exists(events.resolveSibling("data-" + n + ".raw")); n++) {
      try {
        messages.add(Files.readAllBytes(events.resolveSibling("data-" + n + ".raw")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return messages;
  }

  /** What clients did so far: CONNECT, MAIL ..., RCPT ..., DATA n, RSET, QUIT. */
  List<String> events() {
    try {
      return Files.readAllLines(events, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
