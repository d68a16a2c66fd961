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
 * A minimal next hop ({@code smtp_sink.py}): plain SMTP with no DSN, PIPELINING or STARTTLS, taking
 * every message and logging what the client did, one event per line.
 */
final class SmtpSink implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path events;

  private SmtpSink(Process process, int port, Path events) {
    this.process = process;
    this.port = port;
    this.events = events;
  }

  static SmtpSink start() {
    Path dir = E2e.tempDirectory("sink-");
    Path events = dir.resolve("events.log");
    try {
      Files.createFile(events);
      Process process =
          new ProcessBuilder(
                  "python3",
                  E2e.pythonDirectory().resolve("smtp_sink.py").toString(),
                  "127.0.0.1",
                  events.toString())
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
      return new SmtpSink(process, Integer.parseInt(first.substring(5).trim()), events);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code host:port}, for {@code yubin.relay.smarthost}. */
  String address() {
    return "127.0.0.1:" + port;
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
