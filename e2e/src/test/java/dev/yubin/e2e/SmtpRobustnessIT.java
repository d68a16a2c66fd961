package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken SMTP input over a raw socket: every reply is a proper SMTP reply, the session
 * goes on where it should, and nothing from the JVM (exception names, stack frames) reaches the
 * wire. One server for the class; every test uses its own connections and users.
 */
class SmtpRobustnessIT {

  static final String DOMAIN = "robust.e2e.test";
  static YubinServer server;

  private final List<RawSmtp> connections = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = YubinServer.builder("robustness").freePorts().domains(DOMAIN).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Whatever a test did, the server never told the client about its insides. */
  @AfterEach
  void noJavaOnTheWire() {
    for (RawSmtp connection : connections) {
      connection.close();
      assertThat(connection.transcript())
          .doesNotContain("Exception")
          .doesNotContain("java.")
          .doesNotContain("jakarta.")
          .doesNotContain("dev.yubin")
          .doesNotContain(".java:")
          .doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(");
    }
  }

  RawSmtp connect() {
    RawSmtp connection = new RawSmtp(server);
    connections.add(connection);
    return connection.greetAndEhlo();
  }

  static String newUser(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    return server.addUser(address, Clients.PASSWORD);
  }

  @Test
  void overlongCommandLineIsRefusedAndTheSessionGoesOn() {
    RawSmtp smtp = connect();

    assertThat(smtp.command("NOOP " + "x".repeat(1100))).startsWith("500 5.5.2");
    assertThat(smtp.command("NOOP")).startsWith("250");
    assertThat(smtp.command("MAIL FROM:<" + "a".repeat(2000) + "@sender.example>"))
        .startsWith("500 5.5.2");
    assertThat(smtp.command("MAIL FROM:<sender@sender.example>")).startsWith("250");
    // 64 KiB without any line end at all
    smtp.send("A".repeat(65536).getBytes(ISO_8859_1));
    assertThat(smtp.command("")).startsWith("500 5.5.2");
    assertThat(smtp.command("NOOP")).startsWith("250");
    assertThat(smtp.command("QUIT")).startsWith("221");
  }

  @Test
  void nulAndEightBitGarbageGet500() {
    RawSmtp smtp = connect();

    assertThat(smtp.send(new byte[] {0, 0, 0, '\r', '\n'}).reply()).startsWith("500");
    assertThat(smtp.send("NOOP\0\r\n".getBytes(ISO_8859_1)).reply()).startsWith("500");
    assertThat(
            smtp.send(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0x80, 'x', '\r', '\n'}).reply())
        .startsWith("500");
    assertThat(smtp.send("HELO ホスト\r\n".getBytes(UTF_8)).reply()).startsWith("500");
    assertThat(smtp.command("XYZZY plugh")).startsWith("500");
    assertThat(smtp.command("NOOP")).startsWith("250");
  }

  @Test
  void rcptBeforeMailIsOutOfSequence() {
    RawSmtp smtp = connect();
    String user = newUser("seq");

    assertThat(smtp.command("RCPT TO:<" + user + ">")).startsWith("503 5.5.1");
    assertThat(smtp.command("DATA")).startsWith("503 5.5.1");
    assertThat(smtp.command("MAIL FROM:<sender@sender.example>")).startsWith("250");
    assertThat(smtp.command("RCPT TO:<" + user + ">")).startsWith("250");
  }

  @Test
  void unknownLocalUserAndRelayAreRefused() {
    RawSmtp smtp = connect();

    assertThat(smtp.command("MAIL FROM:<sender@sender.example>")).startsWith("250");
    assertThat(smtp.command("RCPT TO:<nobody-here@" + DOMAIN + ">")).startsWith("550 5.1.1");
    assertThat(smtp.command("RCPT TO:<someone@elsewhere.example>")).startsWith("550 5.7.1");
    assertThat(smtp.command("RCPT TO:<someone@" + DOMAIN + ".elsewhere.example>"))
        .startsWith("550 5.7.1");
    assertThat(smtp.command("DATA")).startsWith("5");
  }

  @Test
  void smugglingPayloadsNeverYieldASecondMessage() {
    String[] endings = {"\n.\n", "\n.\r\n", "\r\n.\n", "\r.\r", "\r\n.\r"};
    for (String fakeEnd : endings) {
      String envelopeRecipient = newUser("smuggle-to");
      String smuggledRecipient = newUser("smuggle-victim");
      RawSmtp smtp = connect();
      assertThat(smtp.command("MAIL FROM:<sender@sender.example>")).startsWith("250");
      assertThat(smtp.command("RCPT TO:<" + envelopeRecipient + ">")).startsWith("250");
      assertThat(smtp.command("DATA")).startsWith("354");
      String payload =
          "Subject: innocent\r\n\r\nhello"
              + fakeEnd
              + "MAIL FROM:<admin@"
              + DOMAIN
              + ">\r\nRCPT TO:<"
              + smuggledRecipient
              + ">\r\nDATA\r\nSubject: smuggled\r\n\r\nforged\r\n.\r\n";
      smtp.send(payload.getBytes(ISO_8859_1));
      String endOfData = smtp.reply();
      // Had the server ended the data early, the smuggled MAIL, RCPT and DATA would each have
      // been answered; the next reply must be the NOOP's.
      assertThat(smtp.command("NOOP"))
          .as(
              "reply after the message with fake end %s (end of data: %s)",
              escape(fakeEnd), endOfData)
          .startsWith("250 ");
      assertThat(smtp.command("QUIT")).startsWith("221");

      assertThat(Clients.count(server, smuggledRecipient))
          .as("smuggled, with %s", escape(fakeEnd))
          .isZero();
      List<byte[]> delivered = Clients.fetchAll(server, envelopeRecipient);
      if (endOfData.startsWith("250")) {
        assertThat(delivered).hasSize(1);
        assertThat(new String(delivered.get(0), ISO_8859_1)).contains("Subject: smuggled");
      } else {
        assertThat(endOfData).startsWith("5");
        assertThat(delivered).isEmpty();
      }
    }
  }

  private static String escape(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
