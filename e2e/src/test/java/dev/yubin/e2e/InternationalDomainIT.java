package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * International domain names (UTS #46): a local domain added in its Unicode form is stored with
 * A-labels and listed with U-labels, and mail to the Unicode form of its addresses, in any case or
 * normalization, is delivered locally over SMTPUTF8, on the MX port and on submission (where it
 * once went to the relay and came back as a mail loop).
 */
class InternationalDomainIT {

  static final String ASCII_DOMAIN = "ascii.e2e.test";
  static final String IDN = "bücher.e2e.test";
  static final String A_LABELS = "xn--bcher-kva.e2e.test";

  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("idn").freePorts().domains(ASCII_DOMAIN).build().start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aUnicodeDomainIsStoredWithALabelsAndTakesMailForItsUnicodeAddresses() {
    HttpResponse<String> added =
        server.admin("POST", "domains", "{\"name\":\"Bücher.e2e.test.\"}", server.adminPassword());
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(added.body()).contains("\"name\":\"" + IDN + "\"", "\"ascii\":\"" + A_LABELS + "\"");
    HttpResponse<String> again =
        server.admin("POST", "domains", "{\"name\":\"" + A_LABELS + "\"}", server.adminPassword());
    assertThat(again.statusCode()).as("the A-label form is the same domain").isEqualTo(200);
    assertThat(server.admin("GET", "domains", null, server.adminPassword()).body())
        .contains("\"" + IDN + "\"")
        .doesNotContain(A_LABELS);

    server.addUser("anna@" + IDN, Clients.PASSWORD);
    String sender = server.addUser("sender@" + ASCII_DOMAIN, Clients.PASSWORD);

    // The MX port, from another server: the recipient's domain in U-labels, in another case.
    List<String> mx =
        Clients.esmtp(
            server,
            server.smtpPort(),
            "--from",
            "someone@elsewhere.test",
            "--to",
            Clients.arg("anna@Bücher.e2e.test"),
            "--mail-option",
            "SMTPUTF8",
            "--file",
            Clients.messageFile(Clients.crlf("Subject: over MX", "", "hello")).toString());
    assertThat(Clients.line(mx, "RCPT ")).endsWith(" 250 2.1.5 Ok");
    assertThat(Clients.line(mx, "DATA")).startsWith("DATA 250");

    // Submission: the domain in decomposed form (u + combining diaeresis), NFC makes it the same.
    List<String> submission =
        Clients.submit(
            server,
            sender,
            "--to",
            Clients.arg("anna@bu\u0308cher.e2e.test"),
            "--mail-option",
            "SMTPUTF8",
            "--file",
            Clients.messageFile(Clients.crlf("Subject: over submission", "", "hello")).toString());
    assertThat(Clients.line(submission, "RCPT ")).endsWith(" 250 2.1.5 Ok");
    assertThat(Clients.line(submission, "DATA")).startsWith("DATA 250");

    List<byte[]> mailbox = SeedFlowIT.awaitMessages(server, "anna@" + A_LABELS, 2);
    assertThat(mailbox.stream().map(m -> new String(m, UTF_8)))
        .anySatisfy(m -> assertThat(m).contains("Subject: over MX"))
        .anySatisfy(m -> assertThat(m).contains("Subject: over submission"));
    assertThat(server.admin("GET", "queue", null, server.adminPassword()).body())
        .as("nothing went to the relay")
        .doesNotContain("anna");
    assertThat(Clients.fetchAll(server, sender)).as("no bounce to the sender").isEmpty();
  }
}
