package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classic open-relay battery (the address tricks relay testers try, after Postfix's and
 * Sendmail's history) against the MX port without AUTH: every form is refused, from every kind of
 * sender, and nothing is stored anywhere. The submission ports refuse the same attempts without
 * AUTH with 530. One server for the class; every test has its own users.
 */
class OpenRelayIT {

  static final String DOMAIN = "relay.e2e.test";
  static final String REMOTE = "b.test";
  static YubinServer server;

  private final List<RawSmtp> connections = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = YubinServer.builder("openrelay").freePorts().domains(DOMAIN).build();
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

  static String newLocalPart(String name) {
    String local = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    server.addUser(local + "@" + DOMAIN, Clients.PASSWORD);
    return local;
  }

  /**
   * Relay attempts naming the local user LOCAL (who exists) and the remote domain, each with the
   * replies that refuse it: relay denied (550 5.7.1), unknown local user (550 5.1.1, where the
   * trick only makes an odd local part), or a syntax error (501 5.1.3 / 553).
   */
  static Map<String, String> relayForms(String local) {
    String denied = "550 5\\.7\\.1 ";
    String unknown = "550 5\\.1\\.1 ";
    String syntax = "(501 5\\.1\\.3|553 5\\.1\\.\\d) ";
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put(local + "@" + REMOTE, denied);
    forms.put(local + "%" + REMOTE + "@" + DOMAIN, unknown); // percent hack
    forms.put("@" + DOMAIN + ":" + local + "@" + REMOTE, denied); // source route, ignored
    forms.put("@" + DOMAIN + ",@" + server.hostname() + ":" + local + "@" + REMOTE, denied);
    forms.put("\"" + local + "@" + REMOTE + "\"@" + DOMAIN, unknown); // quoted local part
    forms.put(REMOTE + "!" + local + "@" + DOMAIN, unknown); // UUCP bang path
    forms.put(local + "@" + REMOTE + ".", "(" + syntax + "|" + denied + ")"); // trailing dot
    forms.put(local.toUpperCase() + "@" + REMOTE.toUpperCase(), denied);
    forms.put(local + "@" + REMOTE + "@" + DOMAIN, syntax);
    forms.put(local + "@[127.0.0.1]", denied); // address literals of our own host
    forms.put(local + "@[IPv6:::1]", denied);
    forms.put(local + "@[IPv6:::ffff:127.0.0.1]", denied);
    forms.put(local + "%" + REMOTE + "@[127.0.0.1]", denied);
    forms.put(local + "@localhost", denied);
    forms.put(local + "@" + server.hostname(), denied); // our name is no local domain
    forms.put("postmaster@" + REMOTE, denied);
    return forms;
  }

  /** MAIL arguments of every kind of sender, the odd ones included. */
  static List<String> senders(String local) {
    return List.of(
        "<>",
        "<spammer@" + REMOTE + ">",
        "<" + local + "@" + DOMAIN + ">", // a forged local sender
        "<@" + DOMAIN + ":spammer@" + REMOTE + ">",
        "spammer@" + REMOTE, // no angle brackets
        "<\"odd sender\"@" + REMOTE + ">",
        "<spammer@[127.0.0.1]>");
  }

  RawSmtp connect(int port) {
    RawSmtp smtp = new RawSmtp(server, port);
    connections.add(smtp);
    return smtp.greetAndEhlo();
  }

  @Test
  void mxPortRefusesEveryRelayFormFromEverySenderAndStoresNothing() {
    String victim = newLocalPart("victim");
    List<Path> before = server.storedMessageFiles();

    for (String sender : senders(victim)) {
      RawSmtp smtp = connect(server.smtpPort());
      String mail = smtp.command("MAIL FROM:" + sender);
      if (sender.endsWith("]>")) { // an address literal is refused before any recipient
        assertThat(mail).as("MAIL FROM:%s", sender).startsWith("553 5.1.8 ");
        assertThat(smtp.command("QUIT")).startsWith("221");
        continue;
      }
      assertThat(mail).as("MAIL FROM:%s", sender).startsWith("250 ");
      for (Map.Entry<String, String> form : relayForms(victim).entrySet()) {
        assertThat(smtp.command("RCPT TO:<" + form.getKey() + ">"))
            .as("MAIL FROM:%s RCPT TO:<%s>", sender, form.getKey())
            .matches(form.getValue() + ".*");
      }
      String data = smtp.command("DATA");
      if (data.startsWith("354")) {
        smtp.send(
            ("Subject: relayed\r\n\r\nrelayed from " + sender + "\r\n.\r\n").getBytes(ISO_8859_1));
        data += " / " + smtp.reply();
      }
      assertThat(data)
          .as("DATA after only refused recipients, from %s", sender)
          .matches("5\\d\\d .*");
      assertThat(smtp.command("QUIT")).startsWith("221");
    }

    assertThat(server.storedMessageFiles()).as("stored anywhere").isEqualTo(before);
    assertThat(Clients.count(server, victim + "@" + DOMAIN)).isZero();
  }

  @Test
  void aSourceRouteToALocalUserIsDroppedNotFollowed() {
    String wanda = newLocalPart("wanda");
    RawSmtp smtp = connect(server.smtpPort());

    assertThat(smtp.command("MAIL FROM:<sender@" + REMOTE + ">")).startsWith("250 ");
    assertThat(smtp.command("RCPT TO:<@" + REMOTE + ":" + wanda + "@" + DOMAIN + ">"))
        .startsWith("250 ");
    assertThat(smtp.command("DATA")).startsWith("354");
    String end =
        smtp.send("Subject: routed\r\n\r\nvia a route\r\n.\r\n".getBytes(ISO_8859_1)).reply();
    assertThat(end).startsWith("250 ");

    Trace trace =
        Trace.split(
            Clients.fetchOnly(server, wanda + "@" + DOMAIN),
            "sender@" + REMOTE,
            wanda + "@" + DOMAIN,
            server.hostname());
    assertThat(new String(trace.rest(), ISO_8859_1))
        .isEqualTo("Subject: routed\r\n\r\nvia a route\r\n");
  }

  @Test
  void submissionPortsWithoutAuthRefuseEveryAttemptWith530() {
    String victim = newLocalPart("victim-sub");
    List<Path> before = server.storedMessageFiles();
    List<String> recipients = new ArrayList<>(relayForms(victim).keySet());
    recipients.add(victim + "@" + DOMAIN); // even a local user: submission needs AUTH

    for (String mode : List.of("submission", "submission after STARTTLS", "submissions")) {
      for (String sender : senders(victim)) {
        RawSmtp smtp =
            switch (mode) {
              case "submission" -> connect(server.submissionPort());
              case "submission after STARTTLS" -> {
                RawSmtp plain = connect(server.submissionPort());
                assertThat(plain.command("STARTTLS")).startsWith("220");
                plain.handshake();
                assertThat(plain.command("EHLO raw.e2e.test")).startsWith("250");
                yield plain;
              }
              default -> {
                RawSmtp tls = RawSmtp.implicitTls(server);
                connections.add(tls);
                yield tls.greetAndEhlo();
              }
            };
        assertThat(smtp.command("MAIL FROM:" + sender))
            .as("%s: MAIL FROM:%s", mode, sender)
            .startsWith("530 5.7.0 ");
        for (String recipient : recipients) {
          assertThat(smtp.command("RCPT TO:<" + recipient + ">"))
              .as("%s: RCPT TO:<%s>", mode, recipient)
              .matches("5\\d\\d .*");
        }
        assertThat(smtp.command("DATA")).as("%s: DATA", mode).matches("5\\d\\d .*");
        smtp.close();
      }
    }

    assertThat(server.storedMessageFiles()).as("stored anywhere").isEqualTo(before);
  }
}
