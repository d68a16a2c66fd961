package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POP3 and IMAP on one account at once. POP3 sees INBOX as it stood at login (RFC 1939 §8) and
 * holds it against other POP3 sessions only; IMAP sessions go on meanwhile. As in Dovecot: a POP3
 * DELE is an expunge the IMAP session hears, a message an IMAP session expunged from under POP3
 * answers -ERR to RETR while the rest of the POP3 view stays as it was, UIDLs never change, and new
 * mail waits for the next POP3 session while IDLE hears it at once.
 */
class Pop3AndImapIT {

  static final String DOMAIN = "both.e2e.test";
  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("pop3-imap").freePorts().domains(DOMAIN).build();
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

  static void deliver(String to, String subject) {
    byte[] message =
        Clients.crlf(
            "From: <taro@sender.example>",
            "To: <" + to + ">",
            "Subject: " + subject,
            "",
            "The message called " + subject + ".");
    List<String> sent = Clients.smtpSend(server, "taro@sender.example", message, to);
    assertThat(Clients.line(sent, "DATA")).startsWith("DATA 250 ");
  }

  static RawImap selectInbox(String user, int exists) {
    RawImap imap = RawImap.login(server, user, Clients.PASSWORD);
    RawImap.Response select = imap.command("SELECT INBOX");
    assertThat(select.tagged()).startsWith("OK");
    assertThat(select.texts()).contains("* " + exists + " EXISTS");
    return imap;
  }

  static List<String> subjects(RawImap imap) {
    RawImap.Response fetch = imap.command("FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
    assertThat(fetch.tagged()).startsWith("OK");
    return fetch.lines("").stream()
        .filter(line -> RawImap.fetchNumber(line) > 0)
        .map(line -> new String(line.literals().get(0), UTF_8).trim())
        .toList();
  }

  @Test
  void pop3DeleteIsAnExpungeTheSelectedImapSessionHearsAtNoopAndInIdle() {
    String user = newUser("both");
    deliver(user, "first");
    deliver(user, "second");
    deliver(user, "third");
    try (RawImap imap = selectInbox(user, 3)) {
      Map<Integer, String> uidls;
      try (RawPop3 pop = RawPop3.login(server, user, Clients.PASSWORD)) {
        uidls = pop.uidl();
        assertThat(pop.command("DELE 2")).startsWith("+OK");
        assertThat(pop.command("QUIT")).startsWith("+OK");
      }

      assertThat(imap.command("NOOP").texts()).contains("* 2 EXPUNGE");

      imap.idle();
      try (RawPop3 pop = RawPop3.login(server, user, Clients.PASSWORD)) {
        assertThat(pop.uidl())
            .containsExactly(Map.entry(1, uidls.get(1)), Map.entry(2, uidls.get(3)));
        assertThat(pop.command("DELE 1")).startsWith("+OK");
        assertThat(pop.command("QUIT")).startsWith("+OK");
      }
      assertThat(imap.readLine().text()).isEqualTo("* 1 EXPUNGE");
      assertThat(imap.done().tagged()).startsWith("OK");

      assertThat(subjects(imap)).containsExactly("Subject: third");
      try (RawPop3 pop = RawPop3.login(server, user, Clients.PASSWORD)) {
        assertThat(pop.uidl()).containsExactly(Map.entry(1, uidls.get(3)));
      }
    }
  }

  @Test
  void imapExpungeUnderAnOpenPop3SessionIsAnErrorForThatMessageOnly() {
    String user = newUser("under");
    deliver(user, "first");
    deliver(user, "second");
    deliver(user, "third");
    try (RawPop3 pop = RawPop3.login(server, user, Clients.PASSWORD);
        RawImap imap = selectInbox(user, 3)) {
      String stat = pop.command("STAT");
      Map<Integer, String> uidls = pop.uidl();
      RawImap.Response second = imap.command("FETCH 2 (UID BODY.PEEK[])");
      byte[] secondBytes = second.lines("2 FETCH").get(0).literals().get(0);

      assertThat(imap.command("STORE 1 +FLAGS (\\Deleted)").tagged()).startsWith("OK");
      assertThat(imap.command("EXPUNGE").texts()).contains("* 1 EXPUNGE");

      assertThat(pop.command("STAT")).as("the view of the POP3 session").isEqualTo(stat);
      assertThat(pop.uidl()).isEqualTo(uidls);
      assertThat(pop.command("LIST 1")).startsWith("+OK 1 ");
      assertThat(pop.multiLine("RETR 1").status()).startsWith("-ERR");
      assertThat(pop.multiLine("TOP 1 0").status()).startsWith("-ERR");
      RawPop3.Reply retr = pop.multiLine("RETR 2");
      assertThat(retr.status()).startsWith("+OK");
      assertThat(retr.data()).isEqualTo(secondBytes);
      assertThat(pop.command("NOOP")).startsWith("+OK");
      assertThat(pop.command("DELE 1")).startsWith("+OK");
      assertThat(pop.command("DELE 3")).startsWith("+OK");
      assertThat(pop.command("QUIT")).startsWith("+OK");

      assertThat(imap.command("NOOP").texts()).contains("* 2 EXPUNGE");
      assertThat(subjects(imap)).containsExactly("Subject: second");
      try (RawPop3 next = RawPop3.login(server, user, Clients.PASSWORD)) {
        assertThat(next.uidl()).containsExactly(Map.entry(1, uidls.get(2)));
        RawPop3.Reply again = next.multiLine("RETR 1");
        assertThat(again.data()).isEqualTo(secondBytes);
      }
    }
  }

  @Test
  void deliveryWhileBothAreOpenIsHeardInIdleAndListedByTheNextPop3Session() {
    String user = newUser("during");
    deliver(user, "before");
    try (RawPop3 pop = RawPop3.login(server, user, Clients.PASSWORD);
        RawImap imap = selectInbox(user, 1)) {
      String stat = pop.command("STAT");
      imap.idle();

      deliver(user, "during");

      assertThat(imap.readLine().text()).isEqualTo("* 2 EXISTS");
      assertThat(imap.done().tagged()).startsWith("OK");
      assertThat(pop.command("STAT")).as("POP3 keeps its view from login").isEqualTo(stat);
      assertThat(pop.command("QUIT")).startsWith("+OK");
    }
    try (RawPop3 next = RawPop3.login(server, user, Clients.PASSWORD)) {
      assertThat(next.command("STAT")).startsWith("+OK 2 ");
      assertThat(new String(next.multiLine("RETR 2").data(), UTF_8))
          .contains("Subject: during\r\n");
    }
  }
}
