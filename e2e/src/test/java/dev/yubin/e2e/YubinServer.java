package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Yubin server started the way a user starts it: {@code ./yubin run} in the repository root,
 * configured by environment variables, with its own data directory and a log file under {@code
 * target/e2e/}. The process started is the server's JVM ({@code ./yubin} execs java), so {@link
 * #kill()} is a SIGKILL of the server.
 *
 * <p>Every instance has fresh state; {@link #start()} after {@link #stop()} or {@link #kill()}
 * restarts on the same data directory and ports.
 */
final class YubinServer implements AutoCloseable {

  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  static final String ADMIN_PASSWORD = "e2e-admin-secret";

  private final String name;
  private final String bind;
  private final String adminBind;
  private final Integer adminPort;
  private final Integer smtpPort;
  private final Integer pop3Port;
  private final Integer httpPort;
  private final Integer submissionPort;
  private final Integer submissionsPort;
  private final Integer pop3sPort;
  private final Integer imapPort;
  private final Integer imapsPort;
  private final String hostname;
  private final String domains;
  private final String adminPassword;
  private final Map<String, String> extraEnvironment;
  private final Path dataDir;
  private final Path logFile;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private HttpClient adminHttp;
  private final Thread reaper = new Thread(this::killQuietly, "yubin-e2e-reaper");

  private Process process;
  private int starts;

  private YubinServer(Builder builder) {
    this.name = builder.name;
    this.bind = builder.bind;
    this.adminBind = builder.adminBind;
    this.adminPort = builder.adminPort;
    this.smtpPort = builder.smtpPort;
    this.pop3Port = builder.pop3Port;
    this.httpPort = builder.httpPort;
    this.submissionPort = builder.submissionPort;
    this.submissionsPort = builder.submissionsPort;
    this.pop3sPort = builder.pop3sPort;
    this.imapPort = builder.imapPort;
    this.imapsPort = builder.imapsPort;
    this.hostname = builder.hostname;
    this.domains = builder.domains;
    this.adminPassword = builder.adminPassword;
    this.extraEnvironment = Map.copyOf(builder.environment);
    try {
      Path work = Files.createDirectories(E2e.workDirectory());
      Path instance = Files.createTempDirectory(work, name + "-");
      this.dataDir = instance.resolve("data");
      this.logFile = instance.resolve("server.log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server on 127.0.0.1 with free ports, the given local domains and a known admin password. */
  static Builder builder(String name) {
    return new Builder(name);
  }

  /** Settings of one server; unset ports fall back to the product's defaults. */
  static final class Builder {
    private final String name;
    private String bind = "127.0.0.1";
    private String adminBind = "127.0.0.1";
    private Integer adminPort;
    private Integer smtpPort;
    private Integer pop3Port;
    private Integer httpPort;
    private Integer submissionPort;
    private Integer submissionsPort;
    private Integer pop3sPort;
    private Integer imapPort;
    private Integer imapsPort;
    private String hostname;
    private String domains = "";
    private String adminPassword = ADMIN_PASSWORD;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
      this.hostname = name + ".e2e.test";
    }

    Builder bind(String address) {
      this.bind = address;
      return this;
    }

    /** The admin listener's address (the product's default: 127.0.0.1). */
    Builder adminBind(String address) {
      this.adminBind = address;
      return this;
    }

    /** Free ports on the bind address for every listener, so this server collides with nothing. */
    Builder freePorts() {
      int[] ports = freePorts(bind, 9);
      adminPort = ports[6];
      if (!adminBind.equals(bind)) {
        do {
          adminPort = freePorts(adminBind, 1)[0];
        } while (java.util.Arrays.stream(ports).limit(6).anyMatch(p -> p == adminPort));
      }
      smtpPort = ports[0];
      pop3Port = ports[1];
      httpPort = ports[2];
      submissionPort = ports[3];
      submissionsPort = ports[4];
      pop3sPort = ports[5];
      imapPort = ports[7];
      imapsPort = ports[8];
      return this;
    }

    /** This SMTP (MX) port instead of the one {@link #freePorts()} chose. */
    Builder smtpPort(int port) {
      this.smtpPort = port;
      return this;
    }

    /**
     * The product's defaults (2525, 1100, 8080, 5870, 4650, 9950, 1430, 9930, admin 8443): no port
     * variable is set.
     */
    Builder defaultPorts() {
      adminPort = null;
      smtpPort = null;
      pop3Port = null;
      httpPort = null;
      submissionPort = null;
      submissionsPort = null;
      pop3sPort = null;
      imapPort = null;
      imapsPort = null;
      return this;
    }

    Builder hostname(String value) {
      this.hostname = value;
      return this;
    }

    Builder domains(String... names) {
      this.domains = String.join(",", names);
      return this;
    }

    /** Null: the server generates one into {@code <data dir>/admin.password}. */
    Builder adminPassword(String value) {
      this.adminPassword = value;
      return this;
    }

    /**
     * One more setting as an environment variable, e.g. {@code env("YUBIN_SMTP_MAX_RECIPIENTS",
     * "3")}; it wins over the harness's own.
     */
    Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    YubinServer build() {
      return new YubinServer(this);
    }

    private static int[] freePorts(String address, int count) {
      List<ServerSocket> sockets = new ArrayList<>();
      try {
        InetAddress host = InetAddress.getByName(address);
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
          ServerSocket socket = new ServerSocket(0, 1, host);
          sockets.add(socket);
          ports[i] = socket.getLocalPort();
        }
        return ports;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        for (ServerSocket socket : sockets) {
          try {
            socket.close();
          } catch (IOException ignored) {
            // the port is released either way
          }
        }
      }
    }
  }

  String bind() {
    return bind;
  }

  String adminBind() {
    return adminBind;
  }

  int adminPort() {
    return adminPort == null ? 8443 : adminPort;
  }

  int smtpPort() {
    return smtpPort == null ? 2525 : smtpPort;
  }

  int pop3Port() {
    return pop3Port == null ? 1100 : pop3Port;
  }

  int httpPort() {
    return httpPort == null ? 8080 : httpPort;
  }

  int submissionPort() {
    return submissionPort == null ? 5870 : submissionPort;
  }

  int submissionsPort() {
    return submissionsPort == null ? 4650 : submissionsPort;
  }

  int pop3sPort() {
    return pop3sPort == null ? 9950 : pop3sPort;
  }

  int imapPort() {
    return imapPort == null ? 1430 : imapPort;
  }

  int imapsPort() {
    return imapsPort == null ? 9930 : imapsPort;
  }

  String hostname() {
    return hostname;
  }

  Path dataDir() {
    return dataDir;
  }

  Path logFile() {
    return logFile;
  }

  /**
   * Every stored message file: the mailbox store's content files ({@code <data
   * dir>/blobs/<xx>/<key>}) and those of the first store ({@code <data dir>/mail/...}), for tests
   * that must show that nothing was stored anywhere. Safe while the server delivers: a file renamed
   * or removed during the walk (a temporary one) is left out.
   */
  List<Path> storedMessageFiles() {
    List<Path> found = new ArrayList<>();
    for (String root : List.of("blobs", "mail")) {
      Path folder = dataDir.resolve(root);
      if (Files.isDirectory(folder)) {
        walkFiles(folder, found);
      }
    }
    return found.stream().sorted().toList();
  }

  /** The stored message files whose content names {@code address} (its Received field does). */
  List<Path> storedMessageFilesFor(String address) {
    byte[] name = address.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return storedMessageFiles().stream().filter(file -> contains(file, name)).toList();
  }

  private static boolean contains(Path file, byte[] text) {
    try {
      byte[] content = Files.readAllBytes(file);
      outer:
      for (int i = 0; i + text.length <= content.length; i++) {
        for (int j = 0; j < text.length; j++) {
          if (content[i + j] != text[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    } catch (NoSuchFileException e) {
      return false; // a temporary file renamed since it was listed
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void walkFiles(Path folder, List<Path> found) {
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile()) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE; // gone since it was listed
              }
              throw e;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server JVM's process id ({@code ./yubin run} execs java). */
  long pid() {
    if (process == null) {
      throw new IllegalStateException(name + " is not running");
    }
    return process.pid();
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The environment a user would set to run this server or its CLI. */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(key -> key.startsWith("YUBIN_"));
    env.put("YUBIN_BIND", bind);
    env.put("YUBIN_ADMIN_BIND", adminBind);
    if (adminPort != null) {
      env.put("YUBIN_ADMIN_PORT", adminPort.toString());
    }
    env.put("YUBIN_DATA_DIR", dataDir.toString());
    env.put("YUBIN_HOSTNAME", hostname);
    // Tests never ask the machine's resolver (it is not on loopback): a closed loopback port
    // answers every DNS query with an immediate failure, so relaying defers instead.
    env.put("YUBIN_DNS_SERVERS", "127.0.0.1:9");
    // Every next hop in these tests is on a loopback address, which the product refuses by
    // default; RelayGuardsIT sets it back to false to prove that.
    env.put("YUBIN_RELAY_ALLOW_INTERNAL_DESTINATIONS", "true");
    env.put("YUBIN_DOMAINS", domains);
    if (smtpPort != null) {
      env.put("YUBIN_SMTP_PORT", smtpPort.toString());
    }
    if (pop3Port != null) {
      env.put("YUBIN_POP3_PORT", pop3Port.toString());
    }
    if (httpPort != null) {
      env.put("YUBIN_HTTP_PORT", httpPort.toString());
    }
    if (submissionPort != null) {
      env.put("YUBIN_SUBMISSION_PORT", submissionPort.toString());
      env.put("YUBIN_SUBMISSIONS_PORT", submissionsPort.toString());
      env.put("YUBIN_POP3S_PORT", pop3sPort.toString());
      env.put("YUBIN_IMAP_PORT", imapPort.toString());
      env.put("YUBIN_IMAPS_PORT", imapsPort.toString());
    }
    if (adminPassword != null) {
      env.put("YUBIN_ADMIN_PASSWORD", adminPassword);
    }
    env.putAll(extraEnvironment);
    return env;
  }

  /** Starts {@code ./yubin run} and waits until HTTP health, SMTP and POP3 answer. */
  YubinServer start() {
    if (isRunning()) {
      throw new IllegalStateException(name + " is already running");
    }
    Path home = E2e.home();
    if (!Files.isRegularFile(home.resolve("dist/target/yubin/yubin.war"))) {
      throw new IllegalStateException(
          "no distribution in " + home + "/dist/target/yubin: run mvn install at the root first");
    }
    requirePortsFree();
    try {
      Files.createDirectories(dataDir);
      starts++;
      Files.writeString(
          logFile,
          "=== e2e: start #" + starts + " of " + name + " at " + Instant.now() + "\n",
          UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(home.resolve("yubin").toString(), "run")
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().clear();
      builder.environment().putAll(environment());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    try {
      Runtime.getRuntime().addShutdownHook(reaper);
    } catch (IllegalArgumentException alreadyRegistered) {
      // registered by an earlier start
    }
    awaitReady();
    return this;
  }

  /** Starts the server unless it runs. */
  YubinServer ensureRunning() {
    return isRunning() ? this : start();
  }

  /** SIGTERM, then SIGKILL if it has not ended within {@link #STOP_TIMEOUT}. */
  void stop() {
    if (process == null) {
      return;
    }
    try {
      process.destroy();
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      process = null;
    }
  }

  /** SIGKILL: the JVM gets no chance to clean up. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      process = null;
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException | IllegalArgumentException ignored) {
      // shutting down already, or never registered
    }
  }

  private void killQuietly() {
    Process running = process;
    if (running != null) {
      running.destroyForcibly();
    }
  }

  /** The last lines of this server's log. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  String log() {
    try {
      return Files.readString(logFile, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- admin API ---------------------------------------------------------------------------

  /** On the mail-facing HTTP listener (health, later webmail). */
  URI uri(String path) {
    return URI.create("http://" + bind + ":" + httpPort() + path);
  }

  /** On the admin listener (HTTPS). */
  URI adminUri(String path) {
    return URI.create("https://" + adminBind + ":" + adminPort() + path);
  }

  /** The admin listener's self-signed certificate, made into the data directory at first start. */
  Path adminCertificate() {
    return dataDir.resolve("tls/admin-tls.crt");
  }

  /** A request to the admin API with the given password (Basic, user admin). */
  HttpResponse<String> admin(String method, String path, String json, String password) {
    return send(adminUri("/api/admin/" + path), method, json, password);
  }

  /**
   * A request to any URI with the given password (Basic, user admin; null: none), over HTTPS
   * trusting only {@link #adminCertificate()}.
   */
  HttpResponse<String> send(URI uri, String method, String json, String password) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (password != null) {
      String token = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    HttpClient client = uri.getScheme().equals("https") ? adminHttp() : http;
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * GET /api/admin/PATH with curl, trusting {@link #adminCertificate()}, the password in a config
   * on its stdin, and OPTIONS besides: the status, a space and the body.
   */
  String curlAdmin(String path, String password, String... options) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "curl", "-sS", "--cacert", adminCertificate().toString(), "-w", "\n%{http_code}"));
    command.addAll(List.of(options));
    command.addAll(List.of("--config", "-", adminUri("/api/admin/" + path).toString()));
    String out =
        E2e.run(command, Map.of(), null, "user = \"admin:" + password + "\"\n")
            .requireSuccess()
            .stdout();
    int newline = out.lastIndexOf('\n');
    return out.substring(newline + 1) + " " + out.substring(0, newline);
  }

  private synchronized HttpClient adminHttp() {
    if (adminHttp == null) {
      adminHttp =
          HttpClient.newBuilder()
              // a loaded machine can take seconds for the TLS handshake of a server that is up
              .connectTimeout(Duration.ofSeconds(15))
              .sslContext(Tls.trusting(adminCertificate()))
              .build();
    }
    return adminHttp;
  }

  /** The admin password in force: the configured one, else the generated file. */
  String adminPassword() {
    if (adminPassword != null) {
      return adminPassword;
    }
    try {
      return Files.readString(dataDir.resolve("admin.password"), UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an account through the admin REST API; fails the test unless it answers 201. */
  String addUser(String address, String password) {
    String body =
        "{\"address\":\"" + address + "\",\"password\":\"" + password.replace("\"", "\\\"") + "\"}";
    HttpResponse<String> response = admin("POST", "users", body, adminPassword());
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "POST /api/admin/users "
              + address
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return address;
  }

  // --- readiness -----------------------------------------------------------------------------

  private void awaitReady() {
    Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
    Instant started = Instant.now();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        int code = process.exitValue();
        process = null;
        throw new IllegalStateException(
            name + " exited with " + code + " while booting; log tail:\n" + logTail(80));
      }
      if (healthy() && accepts(smtpPort(), "220") && accepts(pop3Port(), "+OK")) {
        System.out.printf(
            "[e2e] %s ready on %s smtp=%d pop3=%d http=%d after %d s (log %s)%n",
            name,
            bind,
            smtpPort(),
            pop3Port(),
            httpPort(),
            Duration.between(started, Instant.now()).toSeconds(),
            logFile);
        return;
      }
      sleep(500);
    }
    String tail = logTail(80);
    kill();
    throw new IllegalStateException(
        name + " not ready within " + BOOT_TIMEOUT + "; log tail:\n" + tail);
  }

  private boolean healthy() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri("/api/health")).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Connects, reads the greeting and leaves politely. */
  private boolean accepts(int port, String greeting) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(bind, port), 2000);
      socket.setSoTimeout(5000);
      byte[] buffer = new byte[512];
      int n = socket.getInputStream().read(buffer);
      boolean ok = n > 0 && new String(buffer, 0, n, UTF_8).startsWith(greeting);
      socket.getOutputStream().write("QUIT\r\n".getBytes(UTF_8));
      socket.getOutputStream().flush();
      return ok;
    } catch (IOException e) {
      return false;
    }
  }

  /** Fails early, and clearly, when another process holds one of our ports. */
  private void requirePortsFree() {
    List<Map.Entry<String, Integer>> listeners =
        List.of(
            Map.entry(bind, smtpPort()),
            Map.entry(bind, pop3Port()),
            Map.entry(bind, httpPort()),
            Map.entry(adminBind, adminPort()));
    listeners.forEach(
        listener -> {
          String address = listener.getKey();
          int port = listener.getValue();
          try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
          } catch (IOException e) {
            throw new IllegalStateException(
                name + ": " + address + ":" + port + " is in use by another process (" + e + ")");
          }
        });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name + "@" + bind;
  }
}
