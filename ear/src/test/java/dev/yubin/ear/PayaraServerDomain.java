package dev.yubin.ear;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Payara Server domain of our own, driven through {@code asadmin}: created under a work directory
 * on ports {@code portbase + n}, started, configured, deployed to, and always stopped by {@link
 * #close()} (also from a shutdown hook, should the test JVM be told to exit).
 *
 * <p>{@code asadmin} output goes to {@code asadmin.log} in the work directory, never to a pipe: the
 * server JVM that {@code start-domain} spawns would inherit the pipe and keep it open.
 */
final class PayaraServerDomain implements AutoCloseable {

  /** Offsets from the port base that {@code create-domain --portbase} assigns. */
  private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

  private static final String NAME = "yubin";

  private final Path asadmin;
  private final Path domainsDir;
  private final Path asadminLog;
  private final int portbase;
  private final Thread shutdownHook = new Thread(this::stopQuietly, "stop-payara-domain");
  private boolean started;
  private boolean hookAdded;

  PayaraServerDomain(Path payaraHome, Path workDir, int portbase) {
    this.asadmin = payaraHome.resolve("bin/asadmin");
    this.domainsDir = workDir.resolve("domains");
    this.asadminLog = workDir.resolve("asadmin.log");
    this.portbase = portbase;
  }

  int adminPort() {
    return portbase + 48;
  }

  int httpPort() {
    return portbase + 80;
  }

  /** The domain's HTTPS listener ({@code http-listener-2}). */
  int httpsPort() {
    return portbase + 81;
  }

  /** The domain's own key store (master password {@code changeit} with {@code --nopassword}). */
  Path keyStore() {
    return domainsDir.resolve(NAME).resolve("config/keystore.p12");
  }

  Path serverLog() {
    return domainsDir.resolve(NAME).resolve("logs/server.log");
  }

  /** Every port the domain will listen on; none may be taken. */
  List<Integer> ports() {
    List<Integer> ports = new ArrayList<>();
    for (int offset : PORT_OFFSETS) {
      ports.add(portbase + offset);
    }
    return ports;
  }

  /** Stops a domain a previous run left behind, then creates a fresh one. */
  void create() throws IOException, InterruptedException {
    if (Files.isDirectory(domainsDir.resolve(NAME))) {
      asadminAllowingFailure("stop-domain", "--domaindir", domainsDir.toString(), NAME);
      deleteRecursively(domainsDir);
    }
    Files.createDirectories(domainsDir);
    asadmin(
        "create-domain",
        "--domaindir",
        domainsDir.toString(),
        "--portbase",
        Integer.toString(portbase),
        "--nopassword",
        NAME);
  }

  void start() throws IOException, InterruptedException {
    if (!hookAdded) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      hookAdded = true;
    }
    started = true;
    asadmin("start-domain", "--domaindir", domainsDir.toString(), NAME);
  }

  /** Sets server system properties; the application and the adapter read them at deployment. */
  void systemProperties(Map<String, String> properties) throws IOException, InterruptedException {
    String list =
        properties.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace(":", "\\:"))
            .collect(Collectors.joining(":"));
    remote("create-system-properties", list);
  }

  /** Sets a configuration attribute ({@code asadmin set NAME=VALUE}). */
  void set(String nameAndValue) throws IOException, InterruptedException {
    remote("set", nameAndValue);
  }

  /**
   * Deploys an archive. Implicit bean archives are off: Weld would otherwise scan every class of
   * the jars bundled in the rar (Netty), and a Netty class referring to an optional library that is
   * not shipped (netty-tcnative) fails the CDI deployment. Yubin's own modules and plugins carry a
   * beans.xml, so they are explicit bean archives and unaffected (docs/adr/0004).
   */
  void deploy(Path archive, String name) throws IOException, InterruptedException {
    remote("deploy", "--name", name, "--property", "implicitCdiEnabled=false", archive.toString());
  }

  /** The names of the deployed applications ({@code asadmin list-applications}). */
  List<String> applications() throws IOException, InterruptedException {
    Path output = Files.createTempFile(asadminLog.getParent(), "list-applications", ".txt");
    try {
      List<String> line =
          new ArrayList<>(
              List.of(
                  asadmin.toString(),
                  "--interactive=false",
                  "--port",
                  Integer.toString(adminPort()),
                  "list-applications",
                  "--terse"));
      Process process =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new AssertionError(
            "asadmin list-applications failed: "
                + Files.readString(output, StandardCharsets.UTF_8));
      }
      // One "name <type, ...>" line per application, then "Command ... executed successfully."
      return Files.readAllLines(output, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(l -> l.contains("<"))
          .map(l -> l.split("\\s+")[0])
          .toList();
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** Waits until the server log has a line matching the pattern. */
  void awaitLog(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
    awaitLog(pattern, timeout, 1);
  }

  /** Waits until the server log has at least {@code count} lines matching the pattern. */
  void awaitLog(Pattern pattern, Duration timeout, int count)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      if (logMatches(pattern).size() >= count) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no line matching " + pattern + " in " + serverLog());
      }
      Thread.sleep(250);
    }
  }

  /** Every match of the pattern in the server log, in order. */
  List<MatchResult> logMatches(Pattern pattern) throws IOException {
    if (!Files.exists(serverLog())) {
      return List.of();
    }
    return pattern
        .matcher(Files.readString(serverLog(), StandardCharsets.UTF_8))
        .results()
        .toList();
  }

  /** The last lines of the server log, for failure messages. */
  String serverLogTail(int lines) {
    try {
      List<String> all = Files.readAllLines(serverLog(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no server log: " + e + ")";
    }
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // The JVM is already shutting down, or the hook was never registered: nothing to remove.
    }
  }

  private synchronized void stopQuietly() {
    if (!started) {
      return;
    }
    started = false;
    try {
      if (asadminAllowingFailure("stop-domain", "--domaindir", domainsDir.toString(), NAME) != 0) {
        killDomainProcess();
      }
    } catch (IOException e) {
      killDomainProcess();
    } catch (InterruptedException e) {
      killDomainProcess();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Kills the server's JVM with SIGKILL, as a crash would; {@link #start()} brings it back with the
   * applications that were deployed.
   */
  synchronized void kill() throws IOException {
    long pid =
        Long.parseLong(Files.readString(domainsDir.resolve(NAME).resolve("config/pid")).trim());
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(
                () -> new AssertionError("the domain's process " + pid + " is not running"));
    process.destroyForcibly();
    process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    started = false;
  }

  /** Last resort: the domain's own process, by the pid it wrote, never anything else. */
  private void killDomainProcess() {
    Path pidFile = domainsDir.resolve(NAME).resolve("config/pid");
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .ifPresent(
              process -> {
                process.destroyForcibly();
                process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
              });
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not stop the Payara domain in " + domainsDir + ": " + e);
    }
  }

  private void remote(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(adminPort())));
    args.addAll(List.of(command));
    asadmin(args.toArray(String[]::new));
  }

  private void asadmin(String... command) throws IOException, InterruptedException {
    int exit = asadminAllowingFailure(command);
    if (exit != 0) {
      throw new AssertionError(
          "asadmin "
              + String.join(" ", command)
              + " exited with "
              + exit
              + "; see "
              + asadminLog
              + "\n"
              + serverLogTail(60));
    }
  }

  private int asadminAllowingFailure(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
    line.addAll(List.of(command));
    Files.createDirectories(asadminLog.getParent());
    Files.writeString(
        asadminLog,
        "$ " + String.join(" ", line) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Process process =
        new ProcessBuilder(line)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(asadminLog.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
            .start();
    long begin = System.nanoTime();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("asadmin " + String.join(" ", command) + " did not finish");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    System.out.printf(
        "asadmin %s: exit %d in %.1f s%n",
        command[command.length > 2 && command[0].equals("--port") ? 2 : 0],
        process.exitValue(),
        took.toMillis() / 1000.0);
    return process.exitValue();
  }

  /** Fails with the list of taken ports, so a clash with another server is obvious. */
  static void assertPortsFree(List<Integer> ports) {
    List<Integer> taken = new ArrayList<>();
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      } catch (IOException e) {
        taken.add(port);
      }
    }
    if (!taken.isEmpty()) {
      throw new AssertionError("ports already in use: " + taken);
    }
  }

  private static File nullFile() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
