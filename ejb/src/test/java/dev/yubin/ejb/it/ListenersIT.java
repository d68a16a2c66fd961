package dev.yubin.ejb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.application.Addressing;
import dev.yubin.ejb.it.inboxes.Inboxes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resource adapter's listeners served by the MDBs: a real SMTP client hands a message to the
 * SMTP listener, a real POP3 client reads it back. Each call crosses adapter, MDB, JPA and the file
 * store of a running Payara Micro.
 */
@ExtendWith(ArquillianExtension.class)
public class ListenersIT {

  private static final String PASSWORD = "pop3 password";
  private static final String QUEUED = "250 2.0.0 Ok: queued as ";

  @Deployment
  public static WebArchive deployment() {
    return YubinDeployment.create("listeners-it", Inboxes.class.getPackage());
  }

  @Inject AccountService accounts;
  @Inject Inboxes inboxes;
  @Inject Addressing addressing;

  @Test
  void aMessageSentOverSmtpIsReadOverPop3() throws IOException {
    String domain = Names.domain();
    String user = newUser(domain, "alice");

    String queueId =
        sendOverSmtp(
            "Alice@" + domain,
            "From: Sender <sender@remote.test>",
            "To: <alice@" + domain + ">",
            "Subject: through the adapter",
            "",
            "Hello over the wire.",
            "..a line that starts with a dot");

    assertThat(inboxes.keys(user)).hasSize(1);
    try (LineClient pop3 = LineClient.connect(bind(), port("yubin.pop3.port"))) {
      assertThat(pop3.readLine()).startsWith("+OK");
      assertThat(pop3.pop3("USER " + user)).startsWith("+OK");
      assertThat(pop3.pop3("PASS " + PASSWORD)).startsWith("+OK maildrop has 1 messages");
      assertThat(pop3.pop3("RETR 1")).startsWith("+OK");
      assertThat(pop3.readMultiLine())
          .startsWith("Return-Path: <sender@remote.test>\r\nReceived: from client.remote.test (")
          .contains("\tby mx.yubin-it.test (Yubin) with ESMTP id " + queueId + "\r\n")
          .contains("\tfor <Alice@" + domain + ">; ") // the forward-path as the client gave it
          .endsWith(
              "Subject: through the adapter\r\n"
                  + "\r\n"
                  + "Hello over the wire.\r\n"
                  + ".a line that starts with a dot\r\n");
      assertThat(pop3.pop3("DELE 1")).startsWith("+OK");
      assertThat(pop3.pop3("QUIT")).startsWith("+OK");
    }

    assertThat(inboxes.keys(user)).isEmpty();
    try (LineClient pop3 = login(user, PASSWORD)) {
      assertThat(pop3.pop3("STAT")).isEqualTo("+OK 0 0");
      assertThat(pop3.pop3("QUIT")).startsWith("+OK");
    }
  }

  @Test
  void smtpRefusesUnknownLocalUsersAndRelaying() throws IOException {
    String domain = Names.domain();
    newUser(domain, "bob");

    try (LineClient smtp = LineClient.connect(bind(), port("yubin.smtp.port"))) {
      smtp.readSmtpReply();
      smtp.smtp("EHLO client.remote.test");
      assertThat(smtp.smtp("MAIL FROM:<sender@remote.test>")).startsWith("250");
      assertThat(smtp.smtp("RCPT TO:<nobody@" + domain + ">")).startsWith("550 5.1.1");
      assertThat(smtp.smtp("RCPT TO:<bob@" + Names.domain() + ">")).startsWith("550 5.7.1");
      assertThat(smtp.smtp("DATA")).startsWith("554");
      assertThat(smtp.smtp("QUIT")).startsWith("221");
    }
  }

  @Test
  void anAliasWithTwoLocalTargetsGivesEachOneCopyOverSmtp() throws IOException {
    String domain = Names.domain();
    String erin = newUser(domain, "erin");
    String frank = newUser(domain, "frank");
    addressing.putAlias("team@" + domain, List.of(erin, frank));

    try (LineClient smtp = LineClient.connect(bind(), port("yubin.smtp.port"))) {
      smtp.readSmtpReply();
      smtp.smtp("EHLO client.remote.test");
      assertThat(smtp.smtp("MAIL FROM:<sender@remote.test>")).startsWith("250");
      assertThat(smtp.smtp("RCPT TO:<Team@" + domain + ">")).startsWith("250 2.1.5");
      assertThat(smtp.smtp("RCPT TO:<erin+copy@" + domain + ">")).startsWith("250 2.1.5");
      assertThat(smtp.smtp("DATA")).startsWith("354");
      smtp.send("Subject: to the team");
      smtp.send("");
      smtp.send("One copy each.");
      assertThat(smtp.smtp(".")).startsWith(QUEUED);
      assertThat(smtp.smtp("QUIT")).startsWith("221");
    }

    assertThat(inboxes.keys(erin)).hasSize(1);
    assertThat(inboxes.keys(frank)).hasSize(1);
    try (LineClient pop3 = login(frank, PASSWORD)) {
      assertThat(pop3.pop3("STAT")).startsWith("+OK 1 ");
      assertThat(pop3.pop3("QUIT")).startsWith("+OK");
    }
  }

  @Test
  void aFullMailboxIsDeferredAtRcpt() throws IOException {
    String domain = Names.domain();
    String gina = newUser(domain, "gina");
    accounts.setQuota(gina, 0L);

    try (LineClient smtp = LineClient.connect(bind(), port("yubin.smtp.port"))) {
      smtp.readSmtpReply();
      smtp.smtp("EHLO client.remote.test");
      assertThat(smtp.smtp("MAIL FROM:<sender@remote.test>")).startsWith("250");
      assertThat(smtp.smtp("RCPT TO:<" + gina + ">")).startsWith("452 4.2.2");
      assertThat(smtp.smtp("RCPT TO:<postmaster>")).startsWith("250 2.1.5");
      assertThat(smtp.smtp("QUIT")).startsWith("221");
    }
  }

  @Test
  void pop3RefusesAWrongPasswordAndASecondSession() throws IOException {
    String user = newUser(Names.domain(), "carol");

    try (LineClient pop3 = LineClient.connect(bind(), port("yubin.pop3.port"))) {
      pop3.readLine();
      pop3.pop3("USER " + user);
      assertThat(pop3.pop3("PASS wrong")).startsWith("-ERR [AUTH]");
    }
    try (LineClient first = login(user, PASSWORD)) {
      try (LineClient second = LineClient.connect(bind(), port("yubin.pop3.port"))) {
        second.readLine();
        second.pop3("USER " + user);
        assertThat(second.pop3("PASS " + PASSWORD)).startsWith("-ERR [IN-USE]");
      }
      assertThat(first.pop3("QUIT")).startsWith("+OK");
    }
    try (LineClient again = login(user, PASSWORD)) {
      assertThat(again.pop3("QUIT")).startsWith("+OK");
    }
  }

  @Test
  void aPop3SessionThatDropsReleasesItsLockAndDeletesNothing()
      throws IOException, InterruptedException {
    String user = newUser(Names.domain(), "dave");
    sendOverSmtp(user, "Subject: kept", "", "Still here after a dropped session.");

    try (LineClient dropped = login(user, PASSWORD)) {
      assertThat(dropped.pop3("DELE 1")).startsWith("+OK");
    } // no QUIT, so no UPDATE state (RFC 1939 §6): nothing may be deleted

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String reply;
    do {
      try (LineClient pop3 = LineClient.connect(bind(), port("yubin.pop3.port"))) {
        pop3.readLine();
        pop3.pop3("USER " + user);
        reply = pop3.pop3("PASS " + PASSWORD);
        if (reply.startsWith("+OK")) {
          assertThat(pop3.pop3("QUIT")).startsWith("+OK");
        }
      }
      if (reply.startsWith("-ERR [IN-USE]")) {
        Thread.sleep(100); // the server notices the dropped connection asynchronously
      }
    } while (reply.startsWith("-ERR [IN-USE]") && System.nanoTime() < deadline);

    assertThat(reply).startsWith("+OK maildrop has 1 messages");
    assertThat(inboxes.keys(user)).hasSize(1);
  }

  /** Sends one message over SMTP, line by line; answers the queue id of the 250 reply. */
  private String sendOverSmtp(String recipient, String... lines) throws IOException {
    try (LineClient smtp = LineClient.connect(bind(), port("yubin.smtp.port"))) {
      assertThat(smtp.readSmtpReply()).first().asString().startsWith("220 mx.yubin-it.test");
      assertThat(smtp.smtp("EHLO client.remote.test")).startsWith("250 ");
      assertThat(smtp.smtp("MAIL FROM:<sender@remote.test>")).startsWith("250 2.1.0");
      assertThat(smtp.smtp("RCPT TO:<" + recipient + ">")).startsWith("250 2.1.5");
      assertThat(smtp.smtp("DATA")).startsWith("354");
      for (String line : lines) {
        smtp.send(line);
      }
      String accepted = smtp.smtp(".");
      assertThat(accepted).startsWith(QUEUED);
      assertThat(smtp.smtp("QUIT")).startsWith("221");
      return accepted.substring(QUEUED.length());
    }
  }

  private String newUser(String domain, String localPart) {
    accounts.addDomain(domain);
    return accounts.addUser(localPart + "@" + domain, PASSWORD).getAddress();
  }

  private LineClient login(String user, String password) throws IOException {
    LineClient pop3 = LineClient.connect(bind(), port("yubin.pop3.port"));
    assertThat(pop3.readLine()).startsWith("+OK");
    assertThat(pop3.pop3("USER " + user)).startsWith("+OK");
    assertThat(pop3.pop3("PASS " + password)).startsWith("+OK");
    return pop3;
  }

  /** The listeners' settings, as the server under test was started with them. */
  private static String bind() {
    return System.getProperty("yubin.bind", "127.0.0.1");
  }

  private static int port(String key) {
    return Integer.parseInt(System.getProperty(key));
  }
}
