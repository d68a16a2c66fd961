package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits, on a server of their own with small ones ({@code YUBIN_SMTP_MAX_RECIPIENTS=3}, {@code
 * YUBIN_MAX_CONNECTIONS_PER_IP=3}, {@code YUBIN_SMTP_MAX_MESSAGE_SIZE=10000}, {@code
 * YUBIN_AUTH_MAX_FAILURES_PER_NETWORK=8}) and a DNS server that never answers: SIZE at MAIL and
 * oversized data (552 5.3.4), the fourth recipient (452 4.5.3), the fourth connection from one
 * address (421 4.7.0), AUTH failure throttling per network and user (454 4.7.0, shared with POP3),
 * and the reverse DNS deadline. Other clients are other loopback addresses (127.0.0.2, 127.0.0.3);
 * failures from 127.0.0.1, where the other tests log in, stay below its network's limit. Every test
 * has its own users and leaves no connection open.
 */
class SmtpLimitsIT {

  static final String DOMAIN = "limits.e2e.test";
  static final int MAX_SIZE = 10_000;
  static final int MAX_FAILURES_PER_NETWORK = 8;
  static YubinServer server;

  /** A DNS server that reads every question and answers none. */
  static DatagramSocket silentDns;

  /** The client addresses: three networks. */
  static final String LOCAL = "127.0.0.1";

  static final String OWNER = "127.0.0.2";
  static final String ATTACKER = "127.0.0.3";

  private final List<RawSmtp> connections = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    silentDns = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    server =
        YubinServer.builder("limits")
            .freePorts()
            .domains(DOMAIN)
            .env("YUBIN_SMTP_MAX_RECIPIENTS", "3")
            .env("YUBIN_MAX_CONNECTIONS_PER_IP", "3")
            .env("YUBIN_SMTP_MAX_MESSAGE_SIZE", Integer.toString(MAX_SIZE))
            .env("YUBIN_AUTH_MAX_FAILURES_PER_NETWORK", Integer.toString(MAX_FAILURES_PER_NETWORK))
            .env("YUBIN_DNS_SERVERS", "127.0.0.1:" + silentDns.getLocalPort())
            .build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (silentDns != null) {
      silentDns.close();
    }
  }

  /** Closes this test's connections and waits until the server has counted them out. */
  @AfterEach
  void closeConnections() {
    connections.forEach(RawSmtp::close);
    awaitGreeting(server.smtpPort(), Duration.ofSeconds(20));
  }

  static String newUser(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    return server.addUser(address, Clients.PASSWORD);
  }

  /**
   * A connection past its greeting and EHLO, retried while the server still counts out earlier
   * connections (421).
   */
  RawSmtp connectWhenFree() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      RawSmtp smtp = new RawSmtp(server);
      connections.add(smtp);
      String greeting = smtp.reply();
      if (greeting.startsWith("220 ")) {
        assertThat(smtp.command("EHLO raw.e2e.test")).startsWith("250");
        return smtp;
      }
      smtp.close();
      assertThat(Instant.now()).as("still refused: %s", greeting).isBefore(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void sizeAboveTheLimitIsRefusedAtMail() {
    RawSmtp smtp = new RawSmtp(server);
    connections.add(smtp);
    assertThat(smtp.reply()).startsWith("220 ");

    assertThat(smtp.command("EHLO raw.e2e.test"))
        .containsPattern("250[- ]SIZE " + MAX_SIZE + "\\b");
    assertThat(smtp.command("MAIL FROM:<a@sender.example> SIZE=" + (MAX_SIZE + 1)))
        .startsWith("552 5.3.4 ");
    assertThat(smtp.command("MAIL FROM:<a@sender.example> SIZE=" + MAX_SIZE)).startsWith("250 ");
  }

  @Test
  void dataAboveTheLimitIs552AndNothingIsStored() {
    String uma = newUser("uma");
    String body = "x".repeat(70) + "\r\n";
    String message = "Subject: too big\r\n\r\n" + body.repeat(2 * MAX_SIZE / body.length());

    List<String> sent =
        Clients.smtpSend(server, "a@sender.example", message.getBytes(ISO_8859_1), uma);

    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 552 5.3.4 ");
    assertThat(Clients.count(server, uma)).isZero();
  }

  @Test
  void theFourthRecipientIs452AndTheFirstThreeGetTheMessage() {
    List<String> users = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      users.add(newUser("rcpt" + i));
    }
    byte[] message = Clients.crlf("Subject: three of four", "", "x");

    List<String> sent =
        Clients.smtpSend(server, "a@sender.example", message, users.toArray(String[]::new));

    for (int i = 0; i < 3; i++) {
      assertThat(Clients.line(sent, "RCPT " + users.get(i))).contains(" 250 ");
      assertThat(Clients.count(server, users.get(i))).isEqualTo(1);
    }
    assertThat(Clients.line(sent, "RCPT " + users.get(3))).contains(" 452 4.5.3 ");
    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
    assertThat(Clients.count(server, users.get(3))).isZero();
  }

  @Test
  void theFourthConnectionFromOneAddressIs421() {
    for (int i = 0; i < 3; i++) {
      connectWhenFree();
    }

    RawSmtp fourth = new RawSmtp(server);
    connections.add(fourth);
    assertThat(fourth.reply()).matches("421 4\\.7\\.0 .*too many connections.*");
    assertThat(fourth.closedByServer(10_000)).as("closed after the 421").isTrue();

    connections.get(0).close();
    assertThat(awaitGreeting(server.smtpPort(), Duration.ofSeconds(20)))
        .as("a slot is free again once a connection has ended")
        .startsWith("220 ");
  }

  @Test
  void fiveBadPasswordsInAnySpellingBlockTheUserFromThatNetworkOnly() {
    String vic = newUser("vic");
    String wes = newUser("wes");
    String local = vic.substring(0, vic.indexOf('@'));
    List<String> spellings =
        List.of(
            vic.toUpperCase(Locale.ROOT),
            vic + ".",
            "\"" + local + "\"@" + DOMAIN,
            "\"\\" + local + "\"@" + DOMAIN,
            vic);

    for (String spelling : spellings) {
      assertThat(auth(LOCAL, spelling, "wrong password")).as(spelling).startsWith("AUTH 535 5.7.8");
    }

    assertThat(auth(LOCAL, vic, Clients.PASSWORD))
        .as("even the right password, from the network the failures came from")
        .startsWith("AUTH 454 4.7.0");
    E2e.Result pop3 = Clients.pop3(server, vic, Clients.PASSWORD, "stat");
    assertThat(pop3.stdout())
        .as("and it holds for POP3 too: a guesser cannot switch protocols")
        .startsWith("LOGIN-ERR -ERR [SYS/TEMP] too many failed logins");
    assertThat(auth(LOCAL, wes, Clients.PASSWORD))
        .as("another user on that network")
        .startsWith("AUTH 235");
    assertThat(auth(OWNER, vic, Clients.PASSWORD))
        .as("the owner on another network")
        .startsWith("AUTH 235");
  }

  @Test
  void aNetworkWithTooManyFailuresIsBlockedForEveryUserButOnlyThere() {
    String xia = newUser("xia");

    for (int i = 1; i <= MAX_FAILURES_PER_NETWORK; i++) {
      String guess = "guess" + i + "@" + DOMAIN; // unknown users: they count as well
      assertThat(auth(ATTACKER, guess, "password")).as(guess).startsWith("AUTH 535 5.7.8");
    }

    assertThat(auth(ATTACKER, xia, Clients.PASSWORD)).startsWith("AUTH 454 4.7.0");
    assertThat(auth(OWNER, xia, Clients.PASSWORD)).startsWith("AUTH 235");
  }

  /**
   * The client's name in Received comes from reverse DNS, before the delivery transaction and
   * within a deadline of 3 s: with a DNS server that never answers, the transaction still ends well
   * within the client's 10 s patience (the old lookup held it for 16 s), and the client goes
   * unnamed.
   */
  @Test
  void aClientWhosePtrQueryIsNeverAnsweredIsServedAndGoesUnnamed() throws IOException {
    String yan = newUser("yan");

    List<String> sent =
        Clients.esmtp(
            server,
            server.smtpPort(),
            "--source",
            OWNER,
            "--timeout",
            "10",
            "--from",
            "a@sender.example",
            "--to",
            yan,
            "--file",
            Clients.messageFile(Clients.crlf("Subject: no name", "", "x")).toString());

    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
    assertThat(reverseQuestionTo(silentDns)).as("the server asked").contains("127", "arpa");
    String stored = Files.readString(storedFor(yan), ISO_8859_1);
    assertThat(stored).contains("(unknown [" + OWNER + "])");
  }

  /** The one stored message of USER, read from the data directory (no login needed). */
  private static Path storedFor(String user) {
    List<Path> files = server.storedMessageFilesFor(user);
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  /** The first reverse (in-addr.arpa) question the socket receives within 10 s, as text. */
  private static String reverseQuestionTo(DatagramSocket dns) throws IOException {
    byte[] buffer = new byte[512];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    Instant deadline = Instant.now().plusSeconds(10);
    dns.setSoTimeout(10_000);
    while (Instant.now().isBefore(deadline)) {
      dns.receive(packet);
      String question = new String(buffer, 0, packet.getLength(), ISO_8859_1);
      if (question.contains("in-addr")) {
        return question;
      }
    }
    throw new AssertionError("no reverse DNS question came");
  }

  /** One smtplib session from SOURCE: STARTTLS, then AUTH PLAIN; answers the AUTH line. */
  private static String auth(String source, String user, String password) {
    return Clients.line(
        Clients.esmtp(
            server,
            server.submissionPort(),
            "--source",
            source,
            "--tls",
            "starttls",
            "--auth",
            "PLAIN",
            "--user",
            user,
            "--password",
            password),
        "AUTH");
  }

  /**
   * Connects until the server greets with 220 rather than refusing with 421 (a closed connection is
   * counted out asynchronously); answers the last greeting read.
   */
  private static String awaitGreeting(int port, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String greeting = "";
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(server.bind(), port), 5000);
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[512];
        int n = in.read(buffer);
        greeting = n > 0 ? new String(buffer, 0, n, ISO_8859_1) : "";
        socket.getOutputStream().write("QUIT\r\n".getBytes(ISO_8859_1));
        if (greeting.startsWith("220 ")) {
          return greeting;
        }
      } catch (IOException e) {
        greeting = e.toString();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return greeting;
  }
}
