package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay with the product's default {@code yubin.relay.allow-internal-destinations=false}: mail
 * whose MX hosts resolve to loopback or private addresses is bounced with the reason, and no
 * connection is made, though a server listens there (the attack: an MX record or a forged sender's
 * domain that points the relay at a service behind the firewall).
 */
class RelayGuardsIT {

  static Dnsmasq dns;
  static SmtpSink inside;
  static YubinServer a;

  @BeforeAll
  static void start() {
    dns =
        Dnsmasq.start(
            List.of(
                "mx-host=inside.test,mx.inside.test,10", "host-record=mx.inside.test,127.0.0.5"));
    inside = SmtpSink.start("127.0.0.5", 0, null);
    a =
        YubinServer.builder("guards-a")
            .bind("127.0.0.2")
            .freePorts()
            .hostname("mx.a.test")
            .domains("a.test")
            .env("YUBIN_DNS_SERVERS", dns.server())
            .env("YUBIN_RELAY_PORT", Integer.toString(inside.port()))
            .env("YUBIN_RELAY_ALLOW_INTERNAL_DESTINATIONS", "false") // the product's default
            .build()
            .start();
    a.addUser("x@a.test", Clients.PASSWORD);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {a, inside, dns}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the others still get stopped
      }
    }
  }

  @Test
  void mailToAnInternalAddressIsBouncedWithoutAConnection() {
    Path file =
        Clients.messageFile(
            Clients.crlf("From: x@a.test", "Subject: to the inside", "", "knock knock"));
    List<String> output =
        Clients.esmtp(
            a,
            a.submissionPort(),
            "--tls",
            "starttls",
            "--auth",
            "login",
            "--user",
            "x@a.test",
            "--password",
            Clients.PASSWORD,
            "--from",
            "x@a.test",
            "--file",
            file.toString(),
            "--to",
            "admin@inside.test");
    assertThat(Clients.line(output, "DATA")).startsWith("DATA 250");

    List<byte[]> mail = SeedFlowIT.awaitMessages(a, "x@a.test", 1);
    String report = new String(mail.get(0), UTF_8).replace("\r\n ", " "); // unfolded
    assertThat(report)
        .startsWith("Return-Path: <>\r\n")
        .contains("Final-Recipient: rfc822; admin@inside.test")
        .contains("Action: failed")
        .contains("Status: 5.4.4")
        .contains("internal addresses only");
    assertThat(inside.events()).as("the relay never connected to 127.0.0.5").isEmpty();
  }
}
