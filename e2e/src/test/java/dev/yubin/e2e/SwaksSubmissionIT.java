package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Submission with swaks, the SMTP test tool admins reach for: STARTTLS and implicit TLS, AUTH PLAIN
 * and LOGIN, a mechanism the server does not offer, a wrong password; plain ESMTP to the MX port.
 * Messages come back over POP3S (poplib's POP3_SSL). swaks needs Net::SSLeay for TLS (Debian:
 * libnet-ssleay-perl). One server for the class; every test has its own users.
 */
class SwaksSubmissionIT {

  static final String DOMAIN = "swaks.e2e.test";
  static YubinServer server;

  @BeforeAll
  static void start() {
    E2e.Result support = E2e.run(List.of("swaks", "--support"), java.util.Map.of(), null);
    assertThat(support.stdout() + support.stderr())
        .as("swaks with TLS (Debian: apt-get install swaks libnet-ssleay-perl)")
        .contains("TLS supported");
    server = YubinServer.builder("swaks").freePorts().domains(DOMAIN).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String newUser(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    return server.addUser(address, Clients.PASSWORD);
  }

  /** Runs swaks against the test server; stdout and stderr together are the transcript. */
  static E2e.Result swaks(int port, String... options) {
    List<String> command = new ArrayList<>();
    command.add("swaks");
    command.add("--server");
    command.add(server.bind() + ":" + port);
    command.add("--helo");
    command.add("swaks.e2e.test");
    command.add("--timeout");
    command.add("60");
    command.addAll(List.of(options));
    return E2e.run(command, java.util.Map.of(), null);
  }

  static String transcript(E2e.Result result) {
    return result.stdout() + result.stderr();
  }

  @Test
  void authPlainAfterStartTlsSubmitsWithEsmtpsaDropsBccAndAddsMessageIdAndDate() {
    String alice = newUser("alice");
    String bob = newUser("bob");
    String carol = newUser("carol");
    String subject = "swaks plain " + UUID.randomUUID();
    Path data =
        Clients.messageFile(
            Clients.crlf(
                "From: Alice <" + alice + ">",
                "To: Bob <" + bob + ">",
                "Bcc: " + carol,
                "Subject: " + subject,
                "",
                "Submitted by swaks with AUTH PLAIN."));

    E2e.Result sent =
        swaks(
            server.submissionPort(),
            "--tls",
            "--auth",
            "PLAIN",
            "--auth-user",
            alice,
            "--auth-password",
            Clients.PASSWORD,
            "--from",
            alice,
            "--to",
            bob + "," + carol,
            "--data",
            "@" + data);

    String transcript = transcript(sent);
    assertThat(sent.exitCode()).as(transcript).isZero();
    assertThat(transcript)
        .contains("-> STARTTLS", "<-  220 2.0.0", "=== TLS started with cipher TLSv1.")
        .contains("<~  250-AUTH SCRAM-SHA-256 PLAIN LOGIN")
        .contains("~> AUTH PLAIN ", "<~  235 2.7.0")
        .contains("<~  250 2.0.0 Ok: queued as ");
    assertThat(transcript.substring(0, transcript.indexOf("-> STARTTLS")))
        .as("no AUTH before TLS")
        .doesNotContain("AUTH");
    for (String recipient : List.of(bob, carol)) {
      Trace trace =
          Trace.split(
              Clients.fetchOnly(server, true, recipient),
              alice,
              recipient,
              server.hostname(),
              "ESMTPSA");
      assertThat(trace.heloName()).isEqualTo("swaks.e2e.test");
      String header = new String(trace.rest(), ISO_8859_1).split("\r\n\r\n", 2)[0];
      assertThat(header)
          .contains("Subject: " + subject)
          .doesNotContainPattern("(?im)^Bcc:")
          .doesNotContain(carol.substring(0, carol.indexOf('@')))
          .containsPattern("(?m)^Message-ID: <[^>\\s]+@[^>\\s]+>\\r?$")
          .containsPattern(
              "(?m)^Date: [A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2}"
                  + " [+-]\\d{4}\\r?$");
    }
  }

  @Test
  void authLoginAfterStartTlsSubmits() {
    String dan = newUser("dan");
    String erin = newUser("erin");

    E2e.Result sent =
        swaks(
            server.submissionPort(),
            "--tls",
            "--auth",
            "LOGIN",
            "--auth-user",
            dan,
            "--auth-password",
            Clients.PASSWORD,
            "--from",
            dan,
            "--to",
            erin,
            "--header",
            "Subject: swaks login");

    String transcript = transcript(sent);
    assertThat(sent.exitCode()).as(transcript).isZero();
    assertThat(transcript).contains("~> AUTH LOGIN", "<~  334 ", "<~  235 2.7.0");
    Trace trace =
        Trace.split(Clients.fetchOnly(server, true, erin), dan, erin, server.hostname(), "ESMTPSA");
    assertThat(new String(trace.rest(), ISO_8859_1)).contains("Subject: swaks login");
  }

  @Test
  void implicitTlsOnTheSubmissionsPort() {
    String fay = newUser("fay");
    String gil = newUser("gil");

    E2e.Result sent =
        swaks(
            server.submissionsPort(),
            "--tls-on-connect",
            "--auth",
            "PLAIN",
            "--auth-user",
            fay,
            "--auth-password",
            Clients.PASSWORD,
            "--from",
            fay,
            "--to",
            gil,
            "--header",
            "Subject: swaks tls on connect");

    String transcript = transcript(sent);
    assertThat(sent.exitCode()).as(transcript).isZero();
    assertThat(transcript)
        .contains("=== TLS started with cipher TLSv1.")
        .doesNotContain("STARTTLS");
    Trace.split(Clients.fetchOnly(server, true, gil), fay, gil, server.hostname(), "ESMTPSA");
  }

  @Test
  void cramMd5IsNotOfferedSoSwaksSendsNothing() {
    String hal = newUser("hal");
    String ida = newUser("ida");

    E2e.Result sent =
        swaks(
            server.submissionPort(),
            "--tls",
            "--auth",
            "CRAM-MD5",
            "--auth-user",
            hal,
            "--auth-password",
            Clients.PASSWORD,
            "--from",
            hal,
            "--to",
            ida);

    String transcript = transcript(sent);
    assertThat(sent.exitCode())
        .as("swaks exit code for an AUTH error; " + transcript)
        .isEqualTo(28);
    assertThat(transcript).doesNotContain("235 ").doesNotContain("MAIL FROM");
    assertThat(Clients.count(server, ida)).isZero();
  }

  @Test
  void wrongPasswordIs535AndNothingIsSent() {
    String jon = newUser("jon");
    String kim = newUser("kim");

    E2e.Result sent =
        swaks(
            server.submissionPort(),
            "--tls",
            "--auth",
            "PLAIN",
            "--auth-user",
            jon,
            "--auth-password",
            "not the password",
            "--from",
            jon,
            "--to",
            kim);

    String transcript = transcript(sent);
    assertThat(sent.exitCode()).as(transcript).isEqualTo(28);
    assertThat(transcript).contains(" 535 5.7.8").doesNotContain("MAIL FROM");
    assertThat(Clients.count(server, kim)).isZero();
  }

  @Test
  void mxPortWithoutTlsDeliversToALocalUserWithPlainEsmtp() {
    String lou = newUser("lou");

    E2e.Result sent =
        swaks(
            server.smtpPort(),
            "--from",
            "sender@swaks-sender.example",
            "--to",
            lou,
            "--header",
            "Subject: swaks to the MX port");

    String transcript = transcript(sent);
    assertThat(sent.exitCode()).as(transcript).isZero();
    assertThat(transcript)
        .contains("<-  250-STARTTLS")
        .doesNotContain("AUTH")
        .contains("<-  250 2.0.0 Ok: queued as ");
    Trace trace =
        Trace.split(
            Clients.fetchOnly(server, lou),
            "sender@swaks-sender.example",
            lou,
            server.hostname(),
            "ESMTP");
    assertThat(trace.clientIp()).isEqualTo("127.0.0.1");
    assertThat(new String(trace.rest(), ISO_8859_1))
        .contains("Subject: swaks to the MX port")
        .contains("X-Mailer: swaks");
  }
}
