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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Where things are, and how the tests run outside processes (Python clients, the CLI, curl). */
final class E2e {

  private E2e() {}

  /** The repository root: {@code ./yubin} and {@code dist/target/yubin}. */
  static Path home() {
    return Path.of(System.getProperty("yubin.home", "..")).toAbsolutePath().normalize();
  }

  /** Data directories and logs of the servers, under target/. */
  static Path workDirectory() {
    return Path.of(System.getProperty("yubin.e2e.work", "target/e2e")).toAbsolutePath();
  }

  static Path pythonDirectory() {
    return Path.of(System.getProperty("yubin.e2e.python", "src/test/python")).toAbsolutePath();
  }

  /** A fresh directory for one test's files. */
  static Path tempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(Files.createDirectories(workDirectory()), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Polls PROBE until it answers non-null, and answers that; fails after TIMEOUT, naming WHAT was
   * awaited.
   */
  static <T> T await(String what, Duration timeout, Supplier<T> probe) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(50); // polling interval, not a wait for the event
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** What a finished process said. */
  record Result(int exitCode, String stdout, String stderr) {
    List<String> lines() {
      return stdout.lines().toList();
    }

    Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError(
            "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
      }
      return this;
    }
  }

  /** Runs {@code python3 src/test/python/SCRIPT ARGS...}. */
  static Result python(String script, String... args) {
    List<String> command = new ArrayList<>();
    command.add("python3");
    command.add(pythonDirectory().resolve(script).toString());
    command.addAll(List.of(args));
    return run(command, Map.of(), null);
  }

  /**
   * Runs a command with the given environment (null: inherit) and waits up to 120 s. Output goes to
   * files so that no pipe can fill up.
   */
  static Result run(List<String> command, Map<String, String> environment, Path directory) {
    return run(command, environment, directory, null);
  }

  /** As {@link #run(List, Map, Path)}, with INPUT on the command's stdin (null: /dev/null). */
  static Result run(
      List<String> command, Map<String, String> environment, Path directory, String input) {
    Path out = tempFile("out");
    Path err = tempFile("err");
    Path in = Path.of("/dev/null");
    try {
      if (input != null) {
        in = Files.writeString(tempFile("in"), input, UTF_8);
      }
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(in.toFile()));
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      if (!environment.isEmpty()) {
        builder.environment().clear();
        builder.environment().putAll(environment);
      }
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "timed out: " + command + "\nstdout:\n" + read(out) + "\nstderr:\n" + read(err));
      }
      return new Result(process.exitValue(), read(out), read(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      try {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        if (input != null) {
          Files.deleteIfExists(in);
        }
      } catch (IOException ignored) {
        // under target/, cleaned by the next build
      }
    }
  }

  private static Path tempFile(String suffix) {
    try {
      return Files.createTempFile(Files.createDirectories(workDirectory()), "proc-", "." + suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, UTF_8);
  }
}
