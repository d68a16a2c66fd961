package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relaying to a minimal next hop (smtp_sink.py as the smarthost: no DSN, no PIPELINING): the sender
 * who asked NOTIFY=SUCCESS learns that the message was relayed beyond DSN, messages for several
 * destinations behind that hop share one SMTP session, and nothing can be smuggled toward it: BDAT
 * content with a bare CR or LF is refused, and dot lines arrive stuffed, CRLF only.
 */
class PlainNextHopIT {

  static SmtpSink sink;
  static YubinServer server;

  @BeforeAll
  static void start() {
    sink = SmtpSink.start();
    server =
        YubinServer.builder("plainhop")
            .freePorts()
            .hostname("mx.a.test")
            .domains("a.test")
            .env("YUBIN_RELAY_SMARTHOST", sink.address())
            .env("YUBIN_RELAY_SMARTHOST_TLS", "may") // the sink has no STARTTLS
            .build()
            .start();
    server.addUser("x@a.test", Clients.PASSWORD);
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

  static List<String> submit(String subject, List<String> rcptOptions, String... to) {
    return submit(
        Clients.crlf("From: x@a.test", "Subject: " + subject, "", "hello"), rcptOptions, to);
  }

  /** MESSAGE from x@a.test over submission; fails unless it was accepted. */
  static List<String> submit(byte[] message, List<String> rcptOptions, String... to) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("--file", Clients.messageFile(message).toString(), "--to"));
    args.addAll(List.of(to));
    if (!rcptOptions.isEmpty()) {
      args.add("--rcpt-option");
      args.addAll(rcptOptions);
    }
    List<String> output = Clients.submit(server, "x@a.test", args.toArray(String[]::new));
    assertThat(Clients.line(output, "DATA")).startsWith("DATA 250");
    return output;
  }

  @Test
  void aSenderWhoAskedNotifySuccessLearnsTheMessageWasRelayedBeyondDsn() {
    int before = Clients.fetchAll(server, "x@a.test").size();
    submit("tell me", List.of("NOTIFY=SUCCESS"), "r@plain.test");

    List<byte[]> mail = SeedFlowIT.awaitMessages(server, "x@a.test", before + 1);
    String report = new String(mail.get(mail.size() - 1), UTF_8);
    assertThat(report)
        .startsWith("Return-Path: <>\r\n")
        .contains("Subject: Successful Mail Delivery Report")
        .contains("Final-Recipient: rfc822; r@plain.test")
        .contains("Action: relayed")
        .contains("Status: 2.0.0")
        .contains("Remote-MTA: dns; 127.0.0.1")
        .contains("Subject: tell me");
    assertThat(sink.events())
        .as("NOTIFY is not passed to a hop that does not offer DSN")
        .contains("RCPT TO:<r@plain.test>");
  }

  @Test
  void bdatWithBareLineEndsIsRefusedAndDotLinesReachTheNextHopStuffedAndIntact() {
    for (String smuggling :
        List.of(
            "Subject: smuggle-lf\r\n\r\nhi\n.\nMAIL FROM:<ceo@a.test>\r\n",
            "Subject: smuggle-cr\r\n\r\nhi\r.\rMAIL FROM:<ceo@a.test>\r\n")) {
      List<String> session =
          E2e.python(
                  "esmtp_raw.py",
                  "bdat",
                  server.bind(),
                  Integer.toString(server.submissionPort()),
                  "x@a.test",
                  Clients.PASSWORD,
                  "x@a.test",
                  "smuggled@plain.test",
                  Clients.messageFile(smuggling.getBytes(US_ASCII)).toString(),
                  "1")
              .requireSuccess()
              .lines();
      assertThat(Clients.line(session, "BDAT 1"))
          .startsWith("BDAT 1 550 5.5.2 Bare <LF> or <CR> received");
    }

    byte[] body = Clients.crlf(".", "..", ".leading dot", "a.b", "", ". space", "end");
    byte[] message =
        (new String(Clients.crlf("From: x@a.test", "Subject: dots", ""), US_ASCII)
                + new String(body, US_ASCII))
            .getBytes(US_ASCII);
    submit(message, List.of(), "dots@plain.test");

    byte[] raw =
        SeedFlowIT.await(
            () ->
                sink.rawMessages().stream()
                    .filter(m -> new String(m, US_ASCII).contains("Subject: dots\r\n"))
                    .findFirst()
                    .orElse(null),
            "the sink to receive the message with dot lines");
    String wire = new String(raw, US_ASCII);
    assertThat(wire)
        .as("dot lines stuffed on the wire")
        .endsWith("\r\n..\r\n...\r\n..leading dot\r\na.b\r\n\r\n.. space\r\nend\r\n");
    assertThat(wire.replace("\r\n", "")).doesNotContain("\r", "\n");
    String unstuffed = wire.replace("\r\n.", "\r\n");
    assertThat(unstuffed).as("intact once unstuffed").endsWith(new String(body, US_ASCII));
    assertThat(sink.rawMessages()).noneMatch(m -> new String(m, US_ASCII).contains("smuggle"));
  }

  @Test
  void destinationsBehindOneNextHopShareOneSession() {
    List<String> before = sink.events();
    submit("three domains", List.of(), "p@one.test", "q@two.test", "s@three.test");

    List<String> events =
        SeedFlowIT.await(
            () -> {
              List<String> all = sink.events();
              List<String> now = all.subList(before.size(), all.size());
              return now.stream().filter(e -> e.startsWith("DATA ")).count() == 3 ? now : null;
            },
            "the sink to receive three messages");
    // One new session at most: the one the previous test left open may still be reused.
    assertThat(events.stream().filter(e -> e.equals("CONNECT")).count()).isLessThanOrEqualTo(1);
    assertThat(events.stream().filter(e -> e.startsWith("MAIL FROM:<x@a.test>"))).hasSize(3);
    assertThat(events.stream().map(e -> e.split(" ")[0]))
        .containsSubsequence("DATA", "RSET", "MAIL", "DATA", "RSET", "MAIL", "DATA");
  }
}
