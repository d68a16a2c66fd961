package dev.yubin.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Yubin's EAR in a fresh Payara Server domain, as the integration tests use it: settings as system
 * properties, the EAR deployed as {@code yubin} with nothing else before it (the relay queue is on
 * the server's own JMS, docs/adr/0007), then the relay probe, a separate application that talks to
 * the same broker.
 */
final class YubinOnPayaraServer implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 14025);
  static final int POP3_PORT = Integer.getInteger("it.pop3.port", 14110);

  /** OpenMQ's dead message queue. */
  static final String DEAD_MESSAGE_QUEUE = "mq.sys.dmq";

  private final PayaraServerDomain domain;

  private YubinOnPayaraServer(PayaraServerDomain domain) {
    this.domain = domain;
  }

  /**
   * Creates and starts a domain under {@code work}, configures Yubin and deploys {@code ear} and
   * the relay probe; returns once the SMTP and POP3 listeners are open.
   */
  static YubinOnPayaraServer start(Path ear, Path work, Map<String, String> extraSettings)
      throws IOException, InterruptedException {
    Path data = work.resolve("data");
    PayaraServerDomain domain =
        new PayaraServerDomain(
            Path.of(required("payara.home")), work, Integer.getInteger("it.portbase", 14000));
    YubinOnPayaraServer server = new YubinOnPayaraServer(domain);
    List<Integer> ports = new ArrayList<>(domain.ports());
    ports.addAll(List.of(SMTP_PORT, POP3_PORT));

    domain.create();
    PayaraServerDomain.assertPortsFree(ports);
    PayaraServerDomain.deleteRecursively(data);
    domain.start();
    try {
      // Before the deployment: the data source, the adapter and the application read them then.
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("yubin.bind", HOST);
      settings.put("yubin.smtp.port", Integer.toString(SMTP_PORT));
      settings.put("yubin.pop3.port", Integer.toString(POP3_PORT));
      // Listeners the tests do not use stay closed, so they never meet another server's ports.
      settings.put("yubin.submission.port", "0");
      settings.put("yubin.submissions.port", "0");
      settings.put("yubin.pop3s.port", "0");
      settings.put("yubin.imap.port", "0");
      settings.put("yubin.imaps.port", "0");
      settings.put("yubin.dns.servers", "127.0.0.1:9"); // never the machine's resolver in tests
      settings.put("yubin.data.dir", data.toString());
      settings.put("yubin.db.url", "jdbc:h2:file:" + data.resolve("db/yubin"));
      settings.put("yubin.db.user", "yubin");
      settings.put("yubin.db.password", "yubin");
      // The admin API answers only on the domain's HTTPS listener.
      settings.put("yubin.admin.port", Integer.toString(domain.httpsPort()));
      settings.putAll(extraSettings);
      domain.systemProperties(settings);
      // The admin API's listener on loopback only, as the README says.
      domain.set(
          "configs.config.server-config.network-config.network-listeners.network-listener"
              + ".http-listener-2.address="
              + HOST);

      // No JMS broker to install: the EAR's relay queue and its listener are on jmsra.
      domain.deploy(ear, required("it.application"));
      // Another application on the same server that talks to the same broker.
      domain.deploy(RelayProbe.war(work), "relay-probe");
      // The listeners open when the MDBs activate against the EAR's own adapter.
      domain.awaitLog(
          Pattern.compile("SMTP listening on /" + Pattern.quote(HOST + ":" + SMTP_PORT)),
          Duration.ofSeconds(60));
      domain.awaitLog(
          Pattern.compile("POP3 listening on /" + Pattern.quote(HOST + ":" + POP3_PORT)),
          Duration.ofSeconds(60));
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
    return server;
  }

  PayaraServerDomain domain() {
    return domain;
  }

  /**
   * Kills the server's JVM with SIGKILL and starts it again; returns once the EAR's listeners are
   * open again and the probe answers ({@code start-domain} returns before the applications have
   * loaded).
   */
  void killAndRestart() throws IOException, InterruptedException {
    Pattern smtpListening =
        Pattern.compile("SMTP listening on /" + Pattern.quote(HOST + ":" + SMTP_PORT));
    int starts = domain.logMatches(smtpListening).size();
    domain.kill();
    domain.start();
    domain.awaitLog(smtpListening, Duration.ofSeconds(180), starts + 1);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (probeStatus("count?queue=yubin.relay&id=none") != 200) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the relay probe did not come back\n" + domain.serverLogTail(60));
      }
      Thread.sleep(500);
    }
  }

  /** Sends a message for {@code queueId} to the relay queue from the probe application. */
  String announce(String queueId) throws IOException, InterruptedException {
    String body = probe("announce?id=" + encode(queueId));
    assertThat(body).startsWith("sent " + queueId);
    return body;
  }

  /** Messages for {@code queueId} waiting in {@code queue}, seen by the probe application. */
  int count(String queue, String queueId) throws IOException, InterruptedException {
    return Integer.parseInt(
        probe("count?queue=" + encode(queue) + "&id=" + encode(queueId)).strip());
  }

  private String probe(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private int probeStatus(String pathAndQuery) throws InterruptedException {
    try {
      return get(pathAndQuery).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://" + HOST + ":" + domain.httpPort() + "/relay-probe/" + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(property + " is not set: run with -Ppayara-server");
    }
    return value;
  }

  @Override
  public void close() {
    domain.close();
  }
}
