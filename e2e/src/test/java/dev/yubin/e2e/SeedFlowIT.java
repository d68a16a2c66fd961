package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's figure, end to end: x@a.test's client submits to server A; A queues the mail, asks a
 * real DNS server (dnsmasq) for b.test's MX and relays over SMTP to server B; B stores it; the
 * recipients fetch it over POP3. An unknown recipient produces a failure report back to x; a B that
 * is down makes A defer and deliver later; a domain with only an A record is reached through its
 * implicit MX.
 */
class SeedFlowIT {

  static final Duration WAIT = Duration.ofSeconds(90);

  static Dnsmasq dns;
  static YubinServer a;
  static YubinServer b;

  @BeforeAll
  static void start() {
    dns =
        Dnsmasq.start(
            List.of(
                "mx-host=a.test,mx.a.test,10",
                "mx-host=b.test,mx.b.test,10",
                "host-record=mx.a.test,127.0.0.2",
                "host-record=mx.b.test,127.0.0.3",
                "host-record=nomx.test,127.0.0.3"));
    // A and B listen for SMTP on the same port (free on both addresses), and each relays to it:
    // mail goes both ways (B's reports come back to A).
    int smtp = portFreeOnBoth("127.0.0.2", "127.0.0.3");
    b =
        YubinServer.builder("seed-b")
            .bind("127.0.0.3")
            .freePorts()
            .smtpPort(smtp)
            .hostname("mx.b.test")
            .domains("b.test", "nomx.test")
            .env("YUBIN_DNS_SERVERS", dns.server())
            .env("YUBIN_RELAY_PORT", Integer.toString(smtp))
            .build()
            .start();
    a =
        YubinServer.builder("seed-a")
            .bind("127.0.0.2")
            .freePorts()
            .smtpPort(smtp)
            .hostname("mx.a.test")
            .domains("a.test")
            .env("YUBIN_DNS_SERVERS", dns.server())
            .env("YUBIN_RELAY_PORT", Integer.toString(smtp))
            .env("YUBIN_RELAY_MIN_BACKOFF", "2")
            .env("YUBIN_RELAY_MAX_BACKOFF", "4")
            .env("YUBIN_RELAY_DELAY_WARNING", "3")
            .build()
            .start();
    a.addUser("x@a.test", Clients.PASSWORD);
    for (String user :
        List.of("y@b.test", "z@b.test", "w@b.test", "v@b.test", "t@b.test", "u@nomx.test")) {
      b.addUser(user, Clients.PASSWORD);
    }
  }

  /** A port no one listens on at either address. */
  static int portFreeOnBoth(String first, String second) {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket one = new ServerSocket(0, 1, InetAddress.getByName(first));
          ServerSocket two =
              new ServerSocket(one.getLocalPort(), 1, InetAddress.getByName(second))) {
        return two.getLocalPort();
      } catch (IOException taken) {
        // taken on the second address: another try
      }
    }
    throw new IllegalStateException("no port free on both " + first + " and " + second);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {a, b, dns}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the others still get stopped
      }
    }
  }

  /** x@a.test's client: Angus Mail over submission with STARTTLS and AUTH, to server A. */
  static void submit(String subject, String to, String cc, String bcc) throws Exception {
    submit(subject, to, cc, bcc, null);
  }

  /** As above, with the DSN NOTIFY value for every recipient when {@code notify} is not null. */
  static void submit(String subject, String to, String cc, String bcc, String notify)
      throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", a.bind());
    props.put("mail.smtp.port", Integer.toString(a.submissionPort()));
    props.put("mail.smtp.starttls.enable", "true");
    props.put("mail.smtp.starttls.required", "true");
    props.put("mail.smtp.ssl.trust", "*");
    props.put("mail.smtp.ssl.checkserveridentity", "false");
    props.put("mail.smtp.auth", "true");
    props.put("mail.smtp.localhost", "client.a.test");
    if (notify != null) {
      props.put("mail.smtp.dsn.notify", notify);
    }
    Session session = Session.getInstance(props);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("x@a.test"));
    message.setRecipients(Message.RecipientType.TO, to);
    if (cc != null) {
      message.setRecipients(Message.RecipientType.CC, cc);
    }
    if (bcc != null) {
      message.setRecipients(Message.RecipientType.BCC, bcc);
    }
    message.setSubject(subject, "UTF-8");
    message.setText("郵便のテスト: the seed's flow.\n", "UTF-8");
    Transport.send(message, "x@a.test", Clients.PASSWORD);
  }

  static List<byte[]> awaitMessages(YubinServer server, String user, int count) {
    return await(
        () -> {
          List<byte[]> all = Clients.fetchAll(server, user);
          return all.size() >= count ? all : null;
        },
        user + " to have " + count + " message(s)");
  }

  static <T> T await(Supplier<T> probe, String what) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  @Test
  void submittedToARelayedByMxToBFetchedByPop3() throws Exception {
    submit("seed flow", "y@b.test", "z@b.test", "w@b.test");

    for (String user : List.of("y@b.test", "z@b.test", "w@b.test")) {
      byte[] message = awaitMessages(b, user, 1).get(0);
      String text = new String(message, UTF_8);
      String header = text.substring(0, text.indexOf("\r\n\r\n"));
      assertThat(header).as(user).startsWith("Return-Path: <x@a.test>\r\nReceived: ");
      assertThat(Pattern.compile("^Received: ", Pattern.MULTILINE).matcher(header).results())
          .as("one Received from each MTA")
          .hasSize(2);
      assertThat(header)
          .contains("\tby mx.b.test (Yubin) with ESMTPS id ")
          .contains("\tby mx.a.test (Yubin) with ESMTPSA id ")
          .contains("from mx.a.test (")
          .containsPattern("(?m)^Message-ID: <[^>]+>")
          .containsPattern("(?m)^Date: ")
          .contains("To: y@b.test")
          .contains("Cc: z@b.test");
      assertThat(header).as("the MTA removed Bcc").doesNotContainPattern("(?im)^Bcc:");
    }
  }

  @Test
  void anUnknownRecipientComesBackToTheSenderAsAFailureReport() throws Exception {
    int before = Clients.fetchAll(a, "x@a.test").size();
    submit("to nobody", "nobody@b.test", null, null);

    List<byte[]> reports = awaitMessages(a, "x@a.test", before + 1);
    String report = new String(reports.get(reports.size() - 1), UTF_8);
    assertThat(report)
        .startsWith("Return-Path: <>\r\n")
        .contains("From: Mail Delivery System <MAILER-DAEMON@mx.a.test>")
        .contains("Content-Type: multipart/report; report-type=delivery-status;")
        .contains("Final-Recipient: rfc822; nobody@b.test")
        .contains("Action: failed")
        .contains("Status: 5.1.1")
        .contains("Remote-MTA: dns; mx.b.test")
        .contains("Diagnostic-Code: smtp; 550 5.1.1")
        .contains("Subject: to nobody");
  }

  @Test
  void notifySuccessIsAnsweredByAWhenBsMxPortDoesNotOfferDsn() throws Exception {
    int before = Clients.fetchAll(a, "x@a.test").size();
    submit("tell me when delivered", "t@b.test", null, null, "SUCCESS");

    List<byte[]> mail = awaitMessages(a, "x@a.test", before + 1);
    String report = new String(mail.get(mail.size() - 1), UTF_8);
    assertThat(report)
        .as("B's MX port offers no DSN to an unauthenticated client, so A reports the relay")
        .startsWith("Return-Path: <>\r\n")
        .contains("From: Mail Delivery System <MAILER-DAEMON@mx.a.test>")
        .contains("Subject: Successful Mail Delivery Report")
        .contains("Reporting-MTA: dns; mx.a.test")
        .contains("Final-Recipient: rfc822; t@b.test")
        .contains("Action: relayed")
        .contains("Status: 2.0.0")
        .contains("Remote-MTA: dns; mx.b.test")
        .contains("Subject: tell me when delivered");
    assertThat(awaitMessages(b, "t@b.test", 1)).hasSize(1);
  }

  @Test
  void whenBIsDownADefersShowsTheEntryWarnsTheSenderAndDeliversWhenBReturns() throws Exception {
    b.stop();
    try {
      int before = Clients.fetchAll(a, "x@a.test").size();
      submit("while B is down", "v@b.test", null, null);
      String entry =
          await(
              () -> {
                String queue = a.admin("GET", "queue", null, a.adminPassword()).body();
                return queue.contains("\"pending\":1") && queue.contains("lastError")
                    ? queue
                    : null;
              },
              "A's queue to show the deferred entry");
      assertThat(entry).contains("\"sender\":\"x@a.test\"").contains("nextAttempt");

      List<byte[]> mail = awaitMessages(a, "x@a.test", before + 1);
      String warning = new String(mail.get(mail.size() - 1), UTF_8);
      assertThat(warning)
          .startsWith("Return-Path: <>\r\n")
          .contains("Subject: Delayed Mail (still being retried)")
          .contains("Final-Recipient: rfc822; v@b.test")
          .contains("Action: delayed")
          .contains("Status: 4.4.1")
          .contains("Will-Retry-Until: ")
          .contains("Content-Type: text/rfc822-headers")
          .contains("Subject: while B is down");
    } finally {
      b.start();
    }
    byte[] message = awaitMessages(b, "v@b.test", 1).get(0);
    assertThat(new String(message, UTF_8)).contains("Subject: while B is down");
    await(
        () -> a.admin("GET", "queue", null, a.adminPassword()).body().equals("[]") ? true : null,
        "A's queue to empty");
  }

  @Test
  void aDomainWithOnlyAnAddressRecordIsReachedThroughItsImplicitMx() throws Exception {
    submit("implicit MX", "u@nomx.test", null, null);

    byte[] message = awaitMessages(b, "u@nomx.test", 1).get(0);
    assertThat(new String(message, UTF_8))
        .startsWith("Return-Path: <x@a.test>")
        .contains("Subject: implicit MX");
  }
}
