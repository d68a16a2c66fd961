package dev.yubin.ear;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR in a full Jakarta EE server: a fresh Payara Server domain on ports 14xxx, the EAR
 * deployed into it (after ActiveMQ's adapter, the JMS broker), a message submitted over SMTP with
 * Angus Mail and read back over POP3, and a message on the relay queue consumed by the EAR's
 * message-driven bean.
 *
 * <p>Run with {@code mvn -pl ear verify -Ppayara-server}; the profile unpacks Payara Server and
 * passes the paths and ports as system properties.
 */
class PayaraServerRoundTripIT {

  private static final String HOST = "127.0.0.1";
  private static final String HOSTNAME = "mx.example.test";
  private static final String DOMAIN = "example.test";
  private static final String USER = "alice@" + DOMAIN;
  private static final String PASSWORD = "alice-secret";
  private static final String SENDER = "bob@sender.test";
  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

  private static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 14025);
  private static final int POP3_PORT = Integer.getInteger("it.pop3.port", 14110);

  private static PayaraServerDomain server;

  @BeforeAll
  static void deployEar() throws Exception {
    Path work = Path.of(required("it.work"));
    Path data = work.resolve("data");
    server =
        new PayaraServerDomain(
            Path.of(required("payara.home")), work, Integer.getInteger("it.portbase", 14000));
    List<Integer> ports = new ArrayList<>(server.ports());
    ports.addAll(List.of(SMTP_PORT, POP3_PORT));

    server.create();
    PayaraServerDomain.assertPortsFree(ports);
    PayaraServerDomain.deleteRecursively(data);
    server.start();

    // Before the deployment: the data source, the adapter and the application read them then.
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("yubin.bind", HOST);
    settings.put("yubin.smtp.port", Integer.toString(SMTP_PORT));
    settings.put("yubin.pop3.port", Integer.toString(POP3_PORT));
    // Listeners this test does not use stay closed, so they never meet another server's ports.
    settings.put("yubin.submission.port", "0");
    settings.put("yubin.submissions.port", "0");
    settings.put("yubin.pop3s.port", "0");
    settings.put("yubin.dns.servers", "127.0.0.1:9"); // never the machine's resolver in tests
    settings.put("yubin.hostname", HOSTNAME);
    settings.put("yubin.domains", DOMAIN);
    settings.put("yubin.data.dir", data.toString());
    settings.put("yubin.db.url", "jdbc:h2:file:" + data.resolve("db/yubin"));
    settings.put("yubin.db.user", "yubin");
    settings.put("yubin.db.password", "yubin");
    settings.put("yubin.admin.password", ADMIN_PASSWORD);
    server.systemProperties(settings);

    // The JMS broker: ActiveMQ's adapter, standalone like on Micro, configured before it is
    // deployed and deployed before the EAR, whose relay queue and MDB name it (docs/adr/0007).
    Map<String, String> broker = new LinkedHashMap<>();
    broker.put(
        "ServerUrl",
        "vm://yubin?broker.persistent=true&broker.dataDirectory="
            + data.resolve("broker")
            + "&broker.useJmx=false&broker.schedulerSupport=true");
    broker.put("UserName", "admin");
    broker.put("Password", "admin");
    server.resourceAdapterConfig("activemq-rar", broker);
    server.deploy(Path.of(required("it.activemq.rar")), "activemq-rar");

    server.deploy(Path.of(required("yubin.ear")), required("it.application"));
    // Another application on the same server that sends to the relay queue.
    server.deploy(RelayProbe.war(work), "relay-probe");
    // The listeners open when the MDBs activate against the EAR's own adapter.
    server.awaitLog(
        Pattern.compile("SMTP listening on /" + Pattern.quote(HOST + ":" + SMTP_PORT)),
        Duration.ofSeconds(60));
    server.awaitLog(
        Pattern.compile("POP3 listening on /" + Pattern.quote(HOST + ":" + POP3_PORT)),
        Duration.ofSeconds(60));

    createUser();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void messageSubmittedOverSmtpIsRetrievedAndDeletedOverPop3() throws Exception {
    String token = UUID.randomUUID().toString();
    send("Round trip " + token, "Hello from the EAR on Payara Server.\n" + token + "\n");

    String message;
    try (Pop3Client pop3 = new Pop3Client(HOST, POP3_PORT)) {
      assertThat(pop3.greeting()).startsWith("+OK");
      assertThat(pop3.command("USER " + USER)).startsWith("+OK");
      assertThat(pop3.command("PASS " + PASSWORD)).startsWith("+OK");
      assertThat(pop3.command("STAT")).startsWith("+OK 1 ");
      assertThat(pop3.command("RETR 1")).startsWith("+OK");
      message = pop3.body();
      assertThat(pop3.command("DELE 1")).startsWith("+OK");
      assertThat(pop3.command("QUIT")).startsWith("+OK");
    }

    String headers = message.substring(0, message.indexOf("\r\n\r\n") + 2);
    assertThat(headers)
        .as("trace headers added by the server")
        .startsWith("Return-Path: <" + SENDER + ">\r\n")
        .containsPattern("(?m)^Received: from .*\\r\\n(\\s.*\\r\\n)*\\s+by " + HOSTNAME + " ")
        .contains("Subject: Round trip " + token + "\r\n");
    assertThat(message).contains(token + "\r\n");

    try (Pop3Client pop3 = new Pop3Client(HOST, POP3_PORT)) {
      assertThat(pop3.command("USER " + USER)).startsWith("+OK");
      assertThat(pop3.command("PASS " + PASSWORD)).startsWith("+OK");
      assertThat(pop3.command("STAT")).as("DELE then QUIT removed it").startsWith("+OK 0 ");
      assertThat(pop3.command("QUIT")).startsWith("+OK");
    }
  }

  @Test
  void relayQueueMessageReachesTheRelayListenerOfTheEar() throws Exception {
    String id = "probe-" + UUID.randomUUID();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://" + HOST + ":" + server.httpPort() + "/relay-probe/announce?id=" + id))
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    // The EAR's RelayQueueListener consumes the message and hands it to the relay, which finds no
    // such queue entry and says so.
    server.awaitLog(
        Pattern.compile("relay: no queue entry " + Pattern.quote(id)), Duration.ofSeconds(60));
  }

  private static void send(String subject, String text) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", HOST);
    properties.put("mail.smtp.port", Integer.toString(SMTP_PORT));
    properties.put("mail.smtp.localhost", "client.sender.test");
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    Session session = Session.getInstance(properties);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(SENDER));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(USER));
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    Transport.send(message);
  }

  private static void createUser() throws IOException, InterruptedException {
    String credentials =
        Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://" + HOST + ":" + server.httpPort() + "/api/admin/users"))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"address\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("POST /api/admin/users: %s", response.body())
        .isEqualTo(201);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(property + " is not set: run with -Ppayara-server");
    }
    return value;
  }
}
