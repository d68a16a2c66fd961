package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail in through SMTP and out through POP3, with independent clients on both sides: Python's
 * smtplib and poplib, and Angus Mail. One server for the class; every test has its own users.
 */
class MailRoundTripIT {

  static final String DOMAIN = "round.e2e.test";
  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("roundtrip").freePorts().domains(DOMAIN).build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A new account in the test domain, unique to the calling test. */
  static String newUser(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    return server.addUser(address, Clients.PASSWORD);
  }

  @Test
  void smtplibToPoplibKeepsEveryByteAfterTheTraceFields() {
    String bob = newUser("bob");
    byte[] original =
        Clients.crlf(
            "From: Alice <alice@sender.example>",
            "To: Bob <" + bob + ">",
            "Subject: round trip",
            "Message-ID: <" + UUID.randomUUID() + "@sender.example>",
            "Date: Mon, 1 Jan 2024 10:00:00 +0900",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "First line.",
            ".A line that starts with a dot.",
            "..Two dots.",
            ".",
            "Grüße aus Köln, こんにちは、郵便です。",
            "  indented line with trailing spaces   ",
            "Last line.");

    List<String> sent = Clients.smtpSend(server, "alice@sender.example", original, bob);

    assertThat(sent).contains("8BITMIME True");
    assertThat(Clients.line(sent, "RCPT")).contains(" 250 ");
    String data = Clients.line(sent, "DATA");
    assertThat(data).startsWith("DATA 250 ");
    byte[] stored = Clients.fetchOnly(server, bob);
    Trace trace = Trace.split(stored, "alice@sender.example", bob, server.hostname());
    assertThat(trace.heloName()).isEqualTo("client.e2e.test");
    assertThat(trace.clientIp()).isEqualTo("127.0.0.1");
    assertThat(trace.id()).isEqualTo(Clients.queueId(data));
    assertThat(new String(trace.rest(), UTF_8)).isEqualTo(new String(original, UTF_8));
    assertThat(trace.rest()).isEqualTo(original);
  }

  @Test
  void angusMailSendsJapaneseUtf8AndReadsItBack() throws Exception {
    String hanako = newUser("hanako");
    Properties props = new Properties();
    props.put("mail.smtp.host", server.bind());
    props.put("mail.smtp.port", Integer.toString(server.smtpPort()));
    props.put("mail.smtp.localhost", "angus.e2e.test");
    props.put("mail.smtp.allow8bitmime", "true");
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "30000");
    props.put("mail.mime.charset", "UTF-8");
    Session session = Session.getInstance(props);
    String subject = "日本語の件名：郵便のテスト";
    String body = "こんにちは、花子さん。\r\nこれは UTF-8 の本文です。\r\n全角カナ：ユウビン\r\n";
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("taro@sender.example", "山田太郎", "UTF-8"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(hanako));
    message.setSubject(subject, "UTF-8");
    message.setText(body, "UTF-8");

    Transport.send(message);

    byte[] stored = Clients.fetchOnly(server, hanako);
    Trace.split(stored, "taro@sender.example", hanako, server.hostname());
    MimeMessage received = new MimeMessage(session, new ByteArrayInputStream(stored));
    assertThat(received.getSubject()).isEqualTo(subject);
    assertThat(((String) received.getContent()).replace("\r\n", "\n"))
        .isEqualTo(body.replace("\r\n", "\n"));
    assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("山田太郎");
    assertThat(received.getHeader("Return-Path")).containsExactly("<taro@sender.example>");
    String[] receivedFields = received.getHeader("Received");
    assertThat(receivedFields).hasSize(1);
    assertThat(receivedFields[0].replaceAll("\\r\\n\\t", " "))
        .startsWith(
            "from angus.e2e.test (localhost [127.0.0.1]) by " + server.hostname() + " (Yubin)")
        .contains(" with ESMTP id ")
        .contains("for <" + hanako + ">; ");
    assertThat(received.getMessageID()).isEqualTo(message.getMessageID());
  }

  @Test
  void twoRecipientsInOneTransactionGetOneCopyEachWithTheirOwnFor() {
    String carol = newUser("carol");
    String dave = newUser("dave");
    byte[] original =
        Clients.crlf(
            "From: eve@sender.example",
            "To: " + carol + ", " + dave,
            "Subject: for both",
            "",
            "One transaction, two recipients.");

    List<String> sent = Clients.smtpSend(server, "eve@sender.example", original, carol, dave);

    assertThat(sent)
        .filteredOn(l -> l.startsWith("RCPT"))
        .hasSize(2)
        .allMatch(l -> l.contains(" 250 "));
    String id = Clients.queueId(Clients.line(sent, "DATA 250"));
    Trace forCarol =
        Trace.split(
            Clients.fetchOnly(server, carol), "eve@sender.example", carol, server.hostname());
    Trace forDave =
        Trace.split(Clients.fetchOnly(server, dave), "eve@sender.example", dave, server.hostname());
    assertThat(forCarol.id()).isEqualTo(id);
    assertThat(forDave.id()).isEqualTo(id);
    assertThat(forCarol.rest()).isEqualTo(original);
    assertThat(forDave.rest()).isEqualTo(original);
  }

  @Test
  void deleThenQuitRemovesTheMessage() {
    String user = newUser("dele-quit");
    deliver(user, "first");
    deliver(user, "second");

    List<String> session =
        Clients.pop3(server, user, Clients.PASSWORD, "uidl", "dele:1", "quit")
            .requireSuccess()
            .lines();

    assertThat(Clients.line(session, "DELE 1")).contains("+OK");
    String deletedUid = Clients.line(session, "UIDL").split(" ")[1].split(":")[1];
    List<String> after =
        Clients.pop3(server, user, Clients.PASSWORD, "stat", "uidl", "quit")
            .requireSuccess()
            .lines();
    assertThat(Clients.line(after, "STAT")).startsWith("STAT 1 ");
    assertThat(Clients.line(after, "UIDL")).doesNotContain(":" + deletedUid);
    assertThat(new String(Clients.fetchOnly(server, user), UTF_8)).contains("Subject: second");

    Clients.pop3(server, user, Clients.PASSWORD, "dele:1", "quit").requireSuccess();
    assertThat(Clients.count(server, user)).isZero();
  }

  @Test
  void deleThenDroppedConnectionKeepsTheMessage() {
    String user = newUser("dele-drop");
    deliver(user, "kept");

    List<String> session =
        Clients.pop3(server, user, Clients.PASSWORD, "dele:1", "drop").requireSuccess().lines();

    assertThat(Clients.line(session, "DELE 1")).contains("+OK");
    assertThat(Clients.count(server, user)).isEqualTo(1);
    assertThat(new String(Clients.fetchOnly(server, user), UTF_8)).contains("Subject: kept");
  }

  @Test
  void rsetUnmarksDeletedMessages() {
    String user = newUser("rset");
    deliver(user, "one");
    deliver(user, "two");

    List<String> session =
        Clients.pop3(
                server, user, Clients.PASSWORD, "dele:1", "dele:2", "stat", "rset", "stat", "quit")
            .requireSuccess()
            .lines();

    assertThat(session.get(2)).startsWith("STAT 0 ");
    assertThat(Clients.line(session, "RSET")).contains("+OK");
    assertThat(session.get(4)).startsWith("STAT 2 ");
    assertThat(Clients.count(server, user)).isEqualTo(2);
  }

  private static void deliver(String recipient, String subject) {
    byte[] message =
        Clients.crlf(
            "From: sender@sender.example", "Subject: " + subject, "", "Body of " + subject + ".");
    List<String> sent = Clients.smtpSend(server, "sender@sender.example", message, recipient);
    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
  }
}
