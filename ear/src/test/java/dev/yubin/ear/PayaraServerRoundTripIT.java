package dev.yubin.ear;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR in a full Jakarta EE server: a fresh Payara Server domain on ports 14xxx, the EAR
 * deployed into it with no JMS broker installed beside it (its relay queue is on the server's own
 * JMS, OpenMQ), a message submitted over SMTP with Angus Mail and read back over POP3, and a
 * message on the relay queue, sent by another application, consumed by the EAR's message-driven
 * bean.
 *
 * <p>Run with {@code mvn -pl ear verify -Ppayara-server}; the profile unpacks Payara Server and
 * passes the paths and ports as system properties.
 */
class PayaraServerRoundTripIT {

  private static final String HOST = YubinOnPayaraServer.HOST;
  private static final String HOSTNAME = "mx.example.test";
  private static final String DOMAIN = "example.test";
  private static final String USER = "alice@" + DOMAIN;
  private static final String PASSWORD = "alice-secret";
  private static final String SENDER = "bob@sender.test";
  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

  private static final int SMTP_PORT = YubinOnPayaraServer.SMTP_PORT;
  private static final int POP3_PORT = YubinOnPayaraServer.POP3_PORT;

  private static YubinOnPayaraServer yubin;
  private static PayaraServerDomain server;

  @BeforeAll
  static void deployEar() throws Exception {
    yubin =
        YubinOnPayaraServer.start(
            Path.of(YubinOnPayaraServer.required("yubin.ear")),
            Path.of(YubinOnPayaraServer.required("it.work")).resolve("round-trip"),
            Map.of(
                "yubin.hostname", HOSTNAME,
                "yubin.domains", DOMAIN,
                "yubin.admin.password", ADMIN_PASSWORD));
    server = yubin.domain();
    createUser();
  }

  @AfterAll
  static void stopServer() {
    if (yubin != null) {
      yubin.close();
    }
  }

  @Test
  void theEarIsTheOnlyApplicationBesideTheProbe() throws Exception {
    assertThat(server.applications())
        .as("no JMS broker adapter (activemq-rar) is deployed")
        .containsExactlyInAnyOrder(YubinOnPayaraServer.required("it.application"), "relay-probe");
    assertThat(server.logMatches(Pattern.compile("Eclipse OpenMQ JMS Resource Adapter Started")))
        .as("the server's own JMS started")
        .isNotEmpty();
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

    assertThat(yubin.announce(id)).as("sent through the server's JMS").contains("OpenMQ");

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

  /**
   * Creates the account through the admin API, which answers on the domain's HTTPS listener ({@code
   * yubin.admin.port}) and not on its plain HTTP one.
   */
  private static void createUser() throws Exception {
    String body = "{\"address\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}";
    HttpURLConnection plain =
        (HttpURLConnection)
            URI.create("http://" + HOST + ":" + server.httpPort() + "/api/admin/users")
                .toURL()
                .openConnection();
    assertThat(post(plain, body)).as("the admin API on plain HTTP").isEqualTo(404);

    HttpsURLConnection https =
        (HttpsURLConnection)
            URI.create("https://" + HOST + ":" + server.httpsPort() + "/api/admin/users")
                .toURL()
                .openConnection();
    https.setSSLSocketFactory(trustingTheDomainsKey().getSocketFactory());
    // Trust is pinned to the domain's own certificate, made for the machine's name, not 127.0.0.1.
    https.setHostnameVerifier((host, session) -> true);
    assertThat(post(https, body)).as("POST /api/admin/users over HTTPS").isEqualTo(201);
  }

  private static int post(HttpURLConnection connection, String body) throws IOException {
    String credentials =
        Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    connection.setRequestMethod("POST");
    connection.setRequestProperty("Authorization", "Basic " + credentials);
    connection.setRequestProperty("Content-Type", "application/json");
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(30_000);
    connection.setDoOutput(true);
    try (var out = connection.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();
    connection.disconnect();
    return status;
  }

  /** A client context that trusts the certificate of the domain's own key ({@code s1as}). */
  private static SSLContext trustingTheDomainsKey() throws Exception {
    KeyStore domainKeys = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(server.keyStore())) {
      domainKeys.load(in, "changeit".toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("s1as", domainKeys.getCertificate("s1as"));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
