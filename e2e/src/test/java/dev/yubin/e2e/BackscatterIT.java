package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MX port does not reflect mail to forged senders: it neither offers nor accepts DSN (so no
 * success report can be asked for), refuses address-literal senders, and a failure report, which
 * still goes to the reverse-path, returns at most a few KiB of header fields. Relay goes to a
 * recording next hop (smtp_sink.py), where any report to the remote victim would show up.
 */
class BackscatterIT {

  static final String DOMAIN = "backscatter.e2e.test";
  static final int HEADER_LIMIT = 8 * 1024;

  static SmtpSink sink;
  static YubinServer server;

  @BeforeAll
  static void start() {
    sink = SmtpSink.start();
    server =
        YubinServer.builder("backscatter")
            .freePorts()
            .domains(DOMAIN)
            .env("YUBIN_RELAY_SMARTHOST", sink.address())
            .env("YUBIN_RELAY_SMARTHOST_TLS", "may") // the sink has no STARTTLS
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {server, sink}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the other still gets stopped
      }
    }
  }

  /** 150 header fields of about 900 octets each (some 135 KB), then a short body. */
  static byte[] messageWithHugeHeader(String subject) {
    StringBuilder message = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      message.append("X-Filler-").append(i).append(": ").append("x".repeat(880)).append("\r\n");
    }
    message.append("Subject: ").append(subject).append("\r\n\r\nhello\r\n");
    return message.toString().getBytes(US_ASCII);
  }

  @Test
  void aForgedSenderAskingForSuccessReportsOnMxGetsNone() {
    String user = server.addUser("rcpt-1@" + DOMAIN, Clients.PASSWORD);
    String submitter = server.addUser("marker-1@" + DOMAIN, Clients.PASSWORD);

    RawSmtp smtp = new RawSmtp(server);
    assertThat(smtp.reply()).startsWith("220");
    assertThat(smtp.command("EHLO attacker.e2e.test")).startsWith("250").doesNotContain("DSN");
    assertThat(smtp.command("MAIL FROM:<victim@victim.test> RET=HDRS")).startsWith("501 5.7.1 ");
    assertThat(smtp.command("MAIL FROM:<victim@[127.0.0.2]>")).startsWith("553 5.1.8 ");
    assertThat(smtp.command("MAIL FROM:<victim@victim.test>")).startsWith("250");
    assertThat(smtp.command("RCPT TO:<" + user + "> NOTIFY=SUCCESS")).startsWith("501 5.7.1 ");
    assertThat(smtp.command("RCPT TO:<" + user + ">")).startsWith("250");
    assertThat(smtp.command("DATA")).startsWith("354");
    smtp.send(messageWithHugeHeader("forged"));
    assertThat(smtp.command(".")).startsWith("250");
    assertThat(smtp.command("QUIT")).startsWith("221");
    SeedFlowIT.awaitMessages(server, user, 1);

    // A message relayed after it marks the time by which a report would have gone out too.
    List<String> output =
        Clients.submit(
            server,
            submitter,
            "--to",
            "marker@elsewhere.test",
            "--file",
            Clients.messageFile(Clients.crlf("Subject: marker", "", "after")).toString());
    assertThat(Clients.line(output, "DATA")).startsWith("DATA 250");
    List<String> events =
        SeedFlowIT.await(
            () -> {
              List<String> all = sink.events();
              return all.contains("RCPT TO:<marker@elsewhere.test>") ? all : null;
            },
            "the marker to reach the next hop");
    assertThat(events)
        .as("nothing went to the forged sender")
        .noneMatch(e -> e.startsWith("MAIL FROM:<>"))
        .noneMatch(e -> e.contains("victim"));
  }

  @Test
  void aFailureReportStillGoesToTheSenderButReturnsAtMostAFewKibOfHeaders() {
    String sender = server.addUser("sender-2@" + DOMAIN, Clients.PASSWORD);
    String roomy = server.addUser("roomy-2@" + DOMAIN, Clients.PASSWORD);
    String full = server.addUser("full-2@" + DOMAIN, Clients.PASSWORD);
    assertThat(
            server
                .admin(
                    "PUT", "users/" + full + "/quota", "{\"bytes\":1000}", server.adminPassword())
                .statusCode())
        .isEqualTo(200);

    byte[] message = messageWithHugeHeader("too big for full-2");
    List<String> sent = Clients.smtpSend(server, sender, message, roomy, full);
    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250");

    String report = new String(SeedFlowIT.awaitMessages(server, sender, 1).get(0), UTF_8);
    assertThat(report)
        .startsWith("Return-Path: <>\r\n")
        .contains("Final-Recipient: rfc822; " + full)
        .contains("Action: failed")
        .contains("Status: 5.2.2")
        .contains("Content-Type: text/rfc822-headers");
    String afterType = report.substring(report.indexOf("Content-Type: text/rfc822-headers"));
    String returned = afterType.substring(afterType.indexOf("\r\n\r\n") + 4);
    returned = returned.substring(0, returned.indexOf("\r\n--")); // the CRLF before is ours
    assertThat(returned.length()).isLessThanOrEqualTo(HEADER_LIMIT).isGreaterThan(HEADER_LIMIT / 2);
    String fields = returned.substring(returned.indexOf("X-Filler-0: ")); // after our trace
    assertThat(new String(message, US_ASCII).startsWith(fields))
        .as("the returned part holds the first whole header fields, cut between two")
        .isTrue();
    assertThat(returned).endsWith("x".repeat(880) + "\r\n");
    assertThat(report.length()).as("no amplification").isLessThan(message.length / 5);
    assertThat(SeedFlowIT.awaitMessages(server, roomy, 1)).hasSize(1);
  }
}
