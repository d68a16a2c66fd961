package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * STARTTLS (RFC 3207) over a raw socket: commands pipelined in clear after STARTTLS are discarded,
 * not answered inside TLS (CVE-2011-0411), and the session starts over after the handshake; AUTH is
 * offered on submission only after TLS and never on the MX port; a second STARTTLS is refused. One
 * server for the class; every test has its own connections and users.
 */
class StartTlsIT {

  static final String DOMAIN = "starttls.e2e.test";
  static YubinServer server;

  private final List<RawSmtp> connections = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = YubinServer.builder("starttls").freePorts().domains(DOMAIN).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void close() {
    connections.forEach(RawSmtp::close);
  }

  static String newUser(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    return server.addUser(address, Clients.PASSWORD);
  }

  RawSmtp connect(String listener) {
    int port = listener.equals("mx") ? server.smtpPort() : server.submissionPort();
    RawSmtp smtp = new RawSmtp(server, port);
    connections.add(smtp);
    return smtp.greetAndEhlo();
  }

  @ParameterizedTest
  @ValueSource(strings = {"mx", "submission"})
  void commandsPipelinedAfterStartTlsAreNotAnsweredInsideTls(String listener) {
    RawSmtp smtp = connect(listener);

    smtp.send("STARTTLS\r\nRSET\r\n".getBytes(ISO_8859_1));
    assertThat(smtp.reply()).startsWith("220 2.0.0");
    smtp.handshake();

    assertThat(smtp.unsolicited(2000)).as("replies nobody asked for inside TLS").isEmpty();
    String ehlo = smtp.command("EHLO raw.e2e.test");
    assertThat(ehlo).as("the first reply inside TLS is the EHLO's").startsWith("250-");
    assertThat(smtp.command("NOOP")).startsWith("250 2.0.0");
    assertThat(smtp.command("QUIT")).startsWith("221");
  }

  @Test
  void poplibUpgradesPop3WithStlsAndLogsInUnderTls() {
    String user = newUser("stls");
    Clients.smtpSend(
        server, "sender@remote.e2e.test", Clients.crlf("Subject: over STLS", "", "hello"), user);

    E2e.Result result =
        E2e.python(
                "pop3_client.py",
                "--stls",
                server.bind(),
                Integer.toString(server.pop3Port()),
                user,
                Clients.PASSWORD,
                "capa",
                "stat",
                "quit")
            .requireSuccess();

    List<String> lines = result.lines();
    assertThat(lines.get(0)).as("in clear").contains("STLS");
    assertThat(lines.get(1))
        .as("under TLS")
        .startsWith("CAPA ")
        .doesNotContain("STLS")
        .contains("USER");
    assertThat(lines.get(2)).startsWith("STAT 1 ");
  }

  @Test
  void aTransactionInjectedBeforeTheHandshakeIsForgotten() {
    String yan = newUser("yan");
    RawSmtp smtp = connect("mx");

    smtp.send(
        ("STARTTLS\r\nMAIL FROM:<attacker@b.test>\r\nRCPT TO:<" + yan + ">\r\n")
            .getBytes(ISO_8859_1));
    assertThat(smtp.reply()).startsWith("220 2.0.0");
    smtp.handshake();

    assertThat(smtp.unsolicited(2000)).isEmpty();
    assertThat(smtp.command("EHLO raw.e2e.test")).startsWith("250-");
    assertThat(smtp.command("RCPT TO:<" + yan + ">"))
        .as("no MAIL survived the handshake")
        .startsWith("503 5.5.1");
    assertThat(smtp.command("DATA")).startsWith("503 5.5.1");
    assertThat(Clients.count(server, yan)).isZero();
  }

  @Test
  void afterStartTlsTheSessionStartsOverAndMailOverTheMxPortSaysEsmtps() {
    String zoe = newUser("zoe");
    RawSmtp smtp = connect("mx");

    assertThat(smtp.command("STARTTLS")).startsWith("220 2.0.0");
    smtp.handshake();
    assertThat(smtp.command("MAIL FROM:<sender@b.test>"))
        .as("no EHLO yet inside TLS")
        .startsWith("503 5.5.1");
    String ehlo = smtp.command("EHLO tls.e2e.test");
    assertThat(ehlo).doesNotContain("STARTTLS").doesNotContain("AUTH");
    assertThat(smtp.command("STARTTLS")).startsWith("503 5.5.1");
    assertThat(smtp.command("AUTH PLAIN AHVzZXIAcGFzcw==")).startsWith("503 5.5.1");
    assertThat(smtp.command("MAIL FROM:<sender@b.test>")).startsWith("250 ");
    assertThat(smtp.command("RCPT TO:<" + zoe + ">")).startsWith("250 ");
    assertThat(smtp.command("DATA")).startsWith("354");
    smtp.send("Subject: over TLS\r\n\r\nencrypted\r\n.\r\n".getBytes(ISO_8859_1));
    assertThat(smtp.reply()).startsWith("250 ");

    Trace trace =
        Trace.split(
            Clients.fetchOnly(server, true, zoe),
            "sender@b.test",
            zoe,
            server.hostname(),
            "ESMTPS");
    assertThat(trace.heloName()).isEqualTo("tls.e2e.test");
    assertThat(trace.rest())
        .isEqualTo("Subject: over TLS\r\n\r\nencrypted\r\n".getBytes(ISO_8859_1));
  }

  @Test
  void submissionRefusesAuthBeforeTlsWith538() {
    RawSmtp smtp = connect("submission");

    assertThat(smtp.transcript()).contains("250-STARTTLS").doesNotContain("AUTH");
    assertThat(smtp.command("AUTH PLAIN AHVzZXIAcGFzcw==")).startsWith("538 5.7.11");
    assertThat(smtp.command("AUTH LOGIN")).startsWith("538 5.7.11");
  }

  @Test
  void implicitTlsPortOffersNoStartTls() {
    RawSmtp smtp = RawSmtp.implicitTls(server);
    connections.add(smtp);
    smtp.greetAndEhlo();

    assertThat(smtp.transcript())
        .contains("AUTH SCRAM-SHA-256 PLAIN LOGIN")
        .doesNotContain("STARTTLS");
    assertThat(smtp.command("STARTTLS")).startsWith("503 5.5.1");
  }
}
