package dev.yubin.ejb.relay.infrastructure.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import dev.yubin.ejb.relay.infrastructure.smtp.OutboundMessage.Ret;
import dev.yubin.ejb.relay.infrastructure.smtp.Recipient.Notify;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpClientTest {

  private static final String BODY = "Subject: hi\r\n\r\nhello\r\n";

  @TempDir static Path keys;
  private static SSLContext serverTls;
  private static SSLContext trustingClient;
  private static Path serverCertificatePem;

  private final SmtpClient client = new SmtpClient();
  private final ClientSettings settings =
      ClientSettings.defaults("relay.yubin.test")
          .withTimeouts(Timeouts.uniform(Duration.ofSeconds(30)));

  /** A self-signed certificate for "localhost", made by the JDK's keytool. */
  @BeforeAll
  static void certificate() throws Exception {
    Path store = keys.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);

    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", ks.getCertificate("server"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    trustingClient = SSLContext.getInstance("TLS");
    trustingClient.init(null, tmf.getTrustManagers(), null);
    serverCertificatePem = keys.resolve("server.pem");
    java.nio.file.Files.writeString(
        serverCertificatePem,
        "-----BEGIN CERTIFICATE-----\n"
            + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(ks.getCertificate("server").getEncoded())
            + "\n-----END CERTIFICATE-----\n");
  }

  @AfterEach
  void stopClient() {
    client.close();
  }

  private static OutboundMessage message(String body, String... recipients) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return OutboundMessage.of(
        "alice@a.test",
        java.util.Arrays.stream(recipients).map(Recipient::of).toList(),
        () -> new ByteArrayInputStream(bytes),
        bytes.length);
  }

  private static List<DeliveryStatus> statuses(DeliveryReport report) {
    return report.recipients().stream().map(RecipientResult::status).toList();
  }

  @Test
  void pipeliningSendsMailRcptsAndDataInOneGo() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("PIPELINING", "SIZE 1000000", "8BITMIME", "ENHANCEDSTATUSCODES");
              // No reply until the whole group is in: a client that waited for 250 would hang.
              s.expect("MAIL FROM:<alice@a\\.test> SIZE=\\d+");
              s.expect("RCPT TO:<bob@b\\.test>");
              s.expect("RCPT TO:<carol@b\\.test>");
              s.expect("DATA");
              s.reply("250 2.1.0 ok", "250 2.1.5 ok", "250 2.1.5 ok", "354 go ahead");
              s.data();
              s.reply("250 2.0.0 queued as 1");
              s.quit();
            })) {
      DeliveryReport report =
          client.deliver(server.target(), settings, message(BODY, "bob@b.test", "carol@b.test"));
      server.finish();

      assertThat(report.connection()).isEqualTo(ConnectionOutcome.OK);
      assertThat(report.connectionReply()).isEmpty();
      assertThat(statuses(report)).containsOnly(DeliveryStatus.DELIVERED);
      assertThat(report.allDelivered()).isTrue();
      RecipientResult bob = report.recipients().get(0);
      assertThat(bob.remote()).isTrue();
      assertThat(bob.reply().code()).isEqualTo(250);
      assertThat(bob.reply().status()).isEqualTo("2.0.0");
      assertThat(bob.reply().text()).isEqualTo("queued as 1");
      assertThat(server.clientLines())
          .containsSubsequence("MAIL FROM:<alice@a.test> SIZE=" + BODY.length(), "QUIT");
    }
  }

  @Test
  void withoutPipeliningEachCommandWaitsForItsReply() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("SIZE");
              s.expect("MAIL FROM:<alice@a\\.test> SIZE=\\d+");
              Thread.sleep(100); // the behaviour under test: time for a client to send ahead
              if (s.pending()) {
                throw new AssertionError("client sent RCPT before the MAIL reply");
              }
              s.reply("250 ok");
              s.expect("RCPT TO:<bob@b\\.test>");
              Thread.sleep(100); // as above: nothing may arrive before our reply
              if (s.pending()) {
                throw new AssertionError("client sent more before the RCPT reply");
              }
              s.reply("250 ok");
              s.expect("DATA");
              s.reply("354 go ahead");
              s.data();
              s.reply("250 ok");
              s.quit();
            })) {
      DeliveryReport report =
          client.deliver(server.target(), settings, message(BODY, "bob@b.test"));
      server.finish();

      assertThat(statuses(report)).containsExactly(DeliveryStatus.DELIVERED);
      assertThat(report.recipients().get(0).reply().status()).isEqualTo("2.0.0"); // none given
    }
  }

  @Test
  void ehloRefusedFallsBackToHeloWithoutExtensions() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.reply("220 old.test SMTP");
              s.expect("EHLO relay\\.yubin\\.test");
              s.reply("502 command not implemented");
              s.expect("HELO relay\\.yubin\\.test");
              s.reply("250 old.test");
              s.transaction(1);
              s.quit();
            })) {
      OutboundMessage eightBit =
          message(BODY, "bob@b.test").withEightBit(true).withDsn(Ret.FULL, "id1");
      try (SmtpConnection connection = client.connect(server.target(), settings)) {
        assertThat(connection.isEsmtp()).isFalse();
        DeliveryReport report = connection.send(eightBit);
        assertThat(statuses(report)).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(report.dsnOffered()).isFalse();
      }
      server.finish();

      assertThat(server.clientLines()).contains("MAIL FROM:<alice@a.test>"); // no parameters
    }
  }

  @Test
  void starttlsWhenOfferedThenEhloAgain() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("PIPELINING", "STARTTLS");
              s.expect("STARTTLS");
              s.reply("220 2.0.0 ready");
              s.startTls(serverTls);
              s.expect("EHLO relay\\.yubin\\.test");
              s.reply("250-fake.test", "250 SIZE 100");
              s.expect("MAIL FROM:<alice@a\\.test> SIZE=\\d+");
              s.reply("250 ok");
              s.expect("RCPT TO:<bob@b\\.test>");
              s.reply("250 ok");
              s.expect("DATA");
              s.reply("354 go");
              s.data();
              s.reply("250 ok");
              s.quit();
            })) {
      DeliveryReport report =
          client.deliver(server.target(), settings, message(BODY, "bob@b.test"));
      server.finish();

      assertThat(report.tls()).isTrue();
      assertThat(statuses(report)).containsExactly(DeliveryStatus.DELIVERED);
      // Only the keywords offered under TLS count: no PIPELINING any more.
      assertThat(server.transcript).containsSubsequence("S: 250 ok", "C: RCPT TO:<bob@b.test>");
    }
  }

  @Test
  void verifyPolicyChecksTheCertificate() throws Exception {
    FakeSmtpServer.Script tlsSession =
        s -> {
          s.ehlo("STARTTLS");
          s.expect("STARTTLS");
          s.reply("220 ready");
          try {
            s.startTls(serverTls);
          } catch (IOException e) {
            return; // the client refused the certificate
          }
          s.expect("EHLO .*");
          s.reply("250 fake.test");
          s.transaction(1);
          s.quit();
        };
    try (FakeSmtpServer server = new FakeSmtpServer(tlsSession, tlsSession)) {
      ClientSettings verify = settings.withTlsPolicy(TlsPolicy.VERIFY);

      DeliveryReport trusted =
          client.deliver(
              server.target(), verify.withTrust(trustingClient), message(BODY, "b@b.test"));
      DeliveryReport untrusted = client.deliver(server.target(), verify, message(BODY, "b@b.test"));
      server.finish();

      assertThat(trusted.tls()).isTrue();
      assertThat(statuses(trusted)).containsExactly(DeliveryStatus.DELIVERED);
      assertThat(untrusted.connection()).isEqualTo(ConnectionOutcome.TLS_FAILED);
      assertThat(statuses(untrusted)).containsExactly(DeliveryStatus.DEFERRED);
      assertThat(untrusted.recipients().get(0).reply().status()).startsWith("4.7.");
      assertThat(untrusted.tryNextHost()).isTrue();
    }
  }

  @Test
  void verifyTrustsACaFileAndChecksTheHostName() throws Exception {
    FakeSmtpServer.Script tlsSession =
        s -> {
          s.ehlo("STARTTLS");
          s.expect("STARTTLS");
          s.reply("220 ready");
          try {
            s.startTls(serverTls);
          } catch (IOException e) {
            return; // the client refused the certificate
          }
          s.expect("EHLO .*");
          s.reply("250 fake.test");
          s.transaction(1);
          s.quit();
        };
    try (FakeSmtpServer server = new FakeSmtpServer(tlsSession, tlsSession)) {
      ClientSettings verify =
          settings
              .withTlsPolicy(TlsPolicy.VERIFY)
              .withTrust(TrustAnchors.fromPemFile(serverCertificatePem));
      HostAndPort otherName =
          new HostAndPort("mx.other.test", server.target().port(), server.target().address());

      DeliveryReport named = client.deliver(server.target(), verify, message(BODY, "b@b.test"));
      DeliveryReport misnamed = client.deliver(otherName, verify, message(BODY, "b@b.test"));
      server.finish();

      assertThat(named.tls()).isTrue();
      assertThat(statuses(named)).containsExactly(DeliveryStatus.DELIVERED);
      assertThat(misnamed.connection()).isEqualTo(ConnectionOutcome.TLS_FAILED);
      assertThat(statuses(misnamed)).containsExactly(DeliveryStatus.DEFERRED);
      assertThat(misnamed.recipients().get(0).reply().toString()).contains("4.7.5");
    }
  }

  @Test
  void aCaFileWithoutCertificatesIsRefused() throws Exception {
    Path empty = keys.resolve("empty.pem");
    java.nio.file.Files.writeString(empty, "no certificates here\n");

    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustAnchors.fromPemFile(empty))
        .withMessageContaining(empty.toString());
  }

  @Test
  void opportunisticTlsThatFailsIsRetriedInPlainText() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("STARTTLS");
              s.expect("STARTTLS");
              s.reply("220 ready");
              s.raw("this is not TLS\r\n".repeat(10).getBytes(StandardCharsets.US_ASCII));
              s.line(); // whatever the client does, it gives up on this connection
            },
            s -> {
              s.ehlo("8BITMIME");
              s.transaction(1);
              s.quit();
            })) {
      DeliveryReport report = client.deliver(server.target(), settings, message(BODY, "b@b.test"));
      server.finish();

      assertThat(report.tls()).isFalse();
      assertThat(statuses(report)).containsExactly(DeliveryStatus.DELIVERED);
    }
  }

  @Test
  void requiredTlsNotOfferedDefers() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("PIPELINING");
              s.line(); // QUIT or end of stream
            })) {
      DeliveryReport report =
          client.deliver(
              server.target(),
              settings.withTlsPolicy(TlsPolicy.REQUIRED),
              message(BODY, "b@b.test"));
      server.finish();

      assertThat(report.connection()).isEqualTo(ConnectionOutcome.TLS_UNAVAILABLE);
      RecipientResult r = report.recipients().get(0);
      assertThat(r.status()).isEqualTo(DeliveryStatus.DEFERRED);
      assertThat(r.remote()).isFalse();
      assertThat(r.reply().status()).isEqualTo("4.7.4");
      assertThat(server.clientLines()).noneMatch(l -> l.startsWith("MAIL"));
    }
  }

  @Test
  void eachRecipientGetsItsOwnOutcome() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("PIPELINING", "ENHANCEDSTATUSCODES");
              s.expect("MAIL .*");
              s.expect("RCPT TO:<ok@b\\.test>");
              s.expect("RCPT TO:<busy@b\\.test>");
              s.expect("RCPT TO:<gone@b\\.test>");
              s.expect("DATA");
              s.reply(
                  "250 2.1.0 ok",
                  "250 2.1.5 ok",
                  "450 4.2.1 mailbox busy",
                  "550-5.1.1 no such user",
                  "550 5.1.1 try again never",
                  "354 go");
              s.data();
              s.reply("250 2.0.0 ok");
              s.quit();
            })) {
      DeliveryReport report =
          client.deliver(
              server.target(), settings, message(BODY, "ok@b.test", "busy@b.test", "gone@b.test"));
      server.finish();

      assertThat(statuses(report))
          .containsExactly(
              DeliveryStatus.DELIVERED, DeliveryStatus.DEFERRED, DeliveryStatus.FAILED);
      assertThat(report.recipients().get(1).reply().toString()).isEqualTo("450 4.2.1 mailbox busy");
      assertThat(report.recipients().get(2).reply().toString())
          .isEqualTo("550 5.1.1 no such user try again never");
      assertThat(report.connection()).isEqualTo(ConnectionOutcome.OK);
      assertThat(report.tryNextHost()).isFalse();
    }
  }

  @Test
  void aRefusalAtTheEndOfDataFailsEveryAcceptedRecipient() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo();
              s.expect("MAIL .*");
              s.reply("250 ok");
              s.expect("RCPT .*");
              s.reply("250 ok");
              s.expect("RCPT .*");
              s.reply("451 4.3.0 try later");
              s.expect("RCPT .*");
              s.reply("250 ok");
              s.expect("DATA");
              s.reply("354 go");
              s.data();
              s.reply("552 5.3.4 message too big for me");
              s.quit();
            })) {
      DeliveryReport report =
          client.deliver(
              server.target(), settings, message(BODY, "a@b.test", "b@b.test", "c@b.test"));
      server.finish();

      assertThat(statuses(report))
          .containsExactly(DeliveryStatus.FAILED, DeliveryStatus.DEFERRED, DeliveryStatus.FAILED);
      assertThat(report.recipients().get(0).reply().status()).isEqualTo("5.3.4");
      assertThat(report.recipients().get(1).reply().status()).isEqualTo("4.3.0");
    }
  }

  @Test
  void a421MidSessionDefersAndEndsTheSession() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo();
              s.expect("MAIL .*");
              s.reply("250 ok");
              s.expect("RCPT .*");
              s.reply("550 5.1.1 unknown");
              s.expect("RCPT .*");
              s.reply("421 4.3.2 shutting down");
              s.close();
            })) {
      SmtpConnection connection = client.connect(server.target(), settings);
      DeliveryReport report = connection.send(message(BODY, "x@b.test", "y@b.test", "z@b.test"));
      DeliveryReport next = connection.send(message(BODY, "w@b.test"));
      connection.quit();
      server.finish();

      assertThat(report.connection()).isEqualTo(ConnectionOutcome.SERVICE_CLOSING);
      assertThat(statuses(report))
          .containsExactly(DeliveryStatus.FAILED, DeliveryStatus.DEFERRED, DeliveryStatus.DEFERRED);
      assertThat(report.recipients().get(1).reply().code()).isEqualTo(421);
      assertThat(report.recipients().get(1).remote()).isTrue();
      assertThat(report.tryNextHost()).isTrue();
      assertThat(connection.isOpen()).isFalse();
      assertThat(statuses(next)).containsExactly(DeliveryStatus.DEFERRED);
      assertThat(next.connection()).isEqualTo(ConnectionOutcome.SERVICE_CLOSING);
    }
  }

  @Test
  void aMessageOverTheAdvertisedSizeFailsWithoutBeingSent() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("SIZE 10", "PIPELINING");
              s.quit();
            })) {
      DeliveryReport report = client.deliver(server.target(), settings, message(BODY, "b@b.test"));
      server.finish();

      RecipientResult r = report.recipients().get(0);
      assertThat(r.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(r.reply().code()).isEqualTo(552);
      assertThat(r.reply().status()).isEqualTo("5.3.4");
      assertThat(r.remote()).isFalse();
      assertThat(server.clientLines()).noneMatch(l -> l.startsWith("MAIL"));
    }
  }

  @Test
  void dsnParametersGoOnlyToServersThatOfferDsn() throws Exception {
    OutboundMessage dsn =
        OutboundMessage.of(
                "alice@a.test",
                List.of(
                    new Recipient(
                        "bob@b.test",
                        Set.of(Notify.FAILURE, Notify.SUCCESS),
                        Optional.of("rfc822;bob+x=y@b.test")),
                    new Recipient("carol@b.test", Set.of(Notify.NEVER), Optional.empty())),
                () -> new ByteArrayInputStream(BODY.getBytes(StandardCharsets.US_ASCII)),
                BODY.length())
            .withDsn(Ret.HDRS, "q1 id");
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("DSN");
              s.transaction(2);
              s.quit();
            },
            s -> {
              s.ehlo("PIPELINING");
              s.expect("MAIL .*");
              s.expect("RCPT .*");
              s.expect("RCPT .*");
              s.expect("DATA");
              s.reply("250 ok", "250 ok", "250 ok", "354 go");
              s.data();
              s.reply("250 ok");
              s.quit();
            })) {
      DeliveryReport withDsn = client.deliver(server.target(), settings, dsn);
      DeliveryReport without = client.deliver(server.target(), settings, dsn);
      server.finish();

      assertThat(withDsn.dsnOffered()).isTrue();
      assertThat(without.dsnOffered()).isFalse();
      assertThat(server.clientLines())
          .containsSubsequence(
              "MAIL FROM:<alice@a.test> RET=HDRS ENVID=q1+20id",
              "RCPT TO:<bob@b.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob+2Bx+3Dy@b.test",
              "RCPT TO:<carol@b.test> NOTIFY=NEVER",
              "MAIL FROM:<alice@a.test>",
              "RCPT TO:<bob@b.test>",
              "RCPT TO:<carol@b.test>");
    }
  }

  /** What the next hop receives as DATA content for a message with BODY. */
  private String wire(String body) throws Exception {
    byte[][] wire = new byte[1][];
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo();
              wire[0] = s.transaction(1);
              s.quit();
            })) {
      DeliveryReport report = client.deliver(server.target(), settings, message(body, "b@b.test"));
      server.finish();
      assertThat(statuses(report)).containsExactly(DeliveryStatus.DELIVERED);
    }
    return new String(wire[0], StandardCharsets.US_ASCII);
  }

  @Test
  void contentIsDotStuffedAndTerminated() throws Exception {
    assertThat(wire(".hidden\r\nmiddle\r\n..two\r\n.\r\nend"))
        .isEqualTo("..hidden\r\nmiddle\r\n...two\r\n..\r\nend\r\n.\r\n");
  }

  @Test
  void bareCrAndLfLeaveAsCrlfSoThatCrDotCrIsStuffed() throws Exception {
    assertThat(wire("Subject: x\r\n\r\nhi\r.\rMAIL FROM:<ceo@b.test>\n.\nend"))
        .isEqualTo("Subject: x\r\n\r\nhi\r\n..\r\nMAIL FROM:<ceo@b.test>\r\n..\r\nend\r\n.\r\n");
  }

  @Test
  void twoMessagesOverOneConnectionWithRsetBetween() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("8BITMIME");
              s.transaction(1);
              s.expect("RSET");
              s.reply("250 2.0.0 flushed");
              s.transaction(2);
              s.quit();
            })) {
      try (SmtpConnection connection = client.connect(server.target(), settings)) {
        DeliveryReport first = connection.send(message(BODY, "b@b.test"));
        DeliveryReport second =
            connection.send(message("8bit: \u00e9\r\n", "c@b.test", "d@b.test").withEightBit(true));
        assertThat(statuses(first)).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(statuses(second)).containsOnly(DeliveryStatus.DELIVERED).hasSize(2);
      }
      server.finish();

      assertThat(server.clientLines())
          .containsSubsequence(
              "MAIL FROM:<alice@a.test>", "RSET", "MAIL FROM:<alice@a.test> BODY=8BITMIME", "QUIT");
      assertThat(server.clientLines().stream().filter(l -> l.startsWith("EHLO"))).hasSize(1);
    }
  }

  @Test
  void noAcceptedRecipientMeansNoData() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("PIPELINING");
              s.expect("MAIL .*");
              s.expect("RCPT .*");
              s.expect("DATA");
              s.reply("250 ok", "550 5.1.1 unknown", "554 5.5.1 no valid recipients");
              s.quit();
            },
            s -> {
              s.ehlo();
              s.expect("MAIL .*");
              s.reply("250 ok");
              s.expect("RCPT .*");
              s.reply("550 5.1.1 unknown");
              s.quit();
            })) {
      DeliveryReport pipelined =
          client.deliver(server.target(), settings, message(BODY, "x@b.test"));
      DeliveryReport plain = client.deliver(server.target(), settings, message(BODY, "x@b.test"));
      server.finish();

      assertThat(statuses(pipelined)).containsExactly(DeliveryStatus.FAILED);
      assertThat(statuses(plain)).containsExactly(DeliveryStatus.FAILED);
      assertThat(pipelined.recipients().get(0).reply().status()).isEqualTo("5.1.1");
      assertThat(server.clientLines()).filteredOn(l -> l.equals("DATA")).hasSize(1);
    }
  }

  @Test
  void aRefusedSenderSettlesEveryRecipient() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo();
              s.expect("MAIL .*");
              s.reply("451 4.7.1 greylisted");
              s.quit();
            })) {
      DeliveryReport report =
          client.deliver(server.target(), settings, message(BODY, "x@b.test", "y@b.test"));
      server.finish();

      assertThat(statuses(report)).containsOnly(DeliveryStatus.DEFERRED);
      assertThat(report.recipients().get(0).reply().status()).isEqualTo("4.7.1");
      assertThat(report.connection()).isEqualTo(ConnectionOutcome.OK);
    }
  }

  @Test
  void smtputf8IsUsedWhenNeededAndOfferedAndFailsOtherwise() throws Exception {
    OutboundMessage utf8 =
        message("Subject: \u3053\u3093\u306b\u3061\u306f\r\n\r\nhi\r\n", "\u3042@b.test");
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo("SMTPUTF8", "8BITMIME");
              s.transaction(1);
              s.quit();
            },
            s -> {
              s.ehlo("8BITMIME");
              s.quit();
            })) {
      DeliveryReport offered = client.deliver(server.target(), settings, utf8);
      DeliveryReport missing = client.deliver(server.target(), settings, utf8);
      server.finish();

      assertThat(statuses(offered)).containsExactly(DeliveryStatus.DELIVERED);
      assertThat(server.clientLines())
          .contains("MAIL FROM:<alice@a.test> BODY=8BITMIME SMTPUTF8", "RCPT TO:<\u3042@b.test>");
      assertThat(statuses(missing)).containsExactly(DeliveryStatus.FAILED);
      assertThat(missing.recipients().get(0).reply().status()).isEqualTo("5.6.7");
    }
  }

  @Test
  void theServerClosingMidDataDefers() throws Exception {
    String big = "x".repeat(998) + "\r\n";
    String body = big.repeat(2000); // ~2 MB: more than the socket buffers hold
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo();
              s.expect("MAIL .*");
              s.reply("250 ok");
              s.expect("RCPT .*");
              s.reply("250 ok");
              s.expect("DATA");
              s.reply("354 go");
              s.line();
              s.close();
            })) {
      DeliveryReport report = client.deliver(server.target(), settings, message(body, "b@b.test"));
      server.finish();

      assertThat(report.connection()).isEqualTo(ConnectionOutcome.CONNECTION_LOST);
      RecipientResult r = report.recipients().get(0);
      assertThat(r.status()).isEqualTo(DeliveryStatus.DEFERRED);
      assertThat(r.reply().status()).isEqualTo("4.4.2");
      assertThat(r.remote()).isFalse();
    }
  }

  @Test
  void aGarbageGreetingDefers() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.reply("HELLO, this is not SMTP");
              s.line();
            })) {
      DeliveryReport report = client.deliver(server.target(), settings, message(BODY, "b@b.test"));
      server.finish();

      assertThat(report.connection()).isEqualTo(ConnectionOutcome.PROTOCOL_ERROR);
      assertThat(statuses(report)).containsExactly(DeliveryStatus.DEFERRED);
      assertThat(report.connectionReply().get().status()).isEqualTo("4.4.2");
      assertThat(report.connectionReply().get().text()).contains("malformed reply");
    }
  }

  @Test
  void overlongAndEndlessRepliesAreProtocolErrors() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            // The client hangs up as soon as it sees the protocol error, so the scripts read
            // nothing
            // more: a read would meet the reset and stop the fake server before the next script.
            s -> {
              s.raw(("220 " + "x".repeat(70_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            },
            s -> {
              s.reply("220-hello");
              for (int i = 0; i < 200; i++) {
                s.reply("220-more");
              }
              s.reply("220 done");
            },
            s -> {
              s.reply("220-hello", "250 other code");
            })) {
      for (int i = 0; i < 3; i++) {
        DeliveryReport report =
            client.deliver(server.target(), settings, message(BODY, "b@b.test"));
        assertThat(report.connection())
            .as("script %d: %s", i, report)
            .isEqualTo(ConnectionOutcome.PROTOCOL_ERROR);
        assertThat(statuses(report)).containsExactly(DeliveryStatus.DEFERRED);
      }
      server.finish();
    }
  }

  @Test
  void a554GreetingDefersByDefaultOrFailsWhenConfigured() throws Exception {
    FakeSmtpServer.Script refuse =
        s -> {
          s.reply("554 5.7.1 no thanks");
          s.quit();
        };
    try (FakeSmtpServer server = new FakeSmtpServer(refuse, refuse)) {
      DeliveryReport soft = client.deliver(server.target(), settings, message(BODY, "b@b.test"));
      DeliveryReport hard =
          client.deliver(
              server.target(),
              settings.withRejectingGreetingIsPermanent(true),
              message(BODY, "b@b.test"));
      server.finish();

      assertThat(soft.connection()).isEqualTo(ConnectionOutcome.GREETING_REFUSED);
      assertThat(statuses(soft)).containsExactly(DeliveryStatus.DEFERRED);
      assertThat(soft.recipients().get(0).reply().toString()).isEqualTo("554 5.7.1 no thanks");
      assertThat(soft.tryNextHost()).isTrue();
      assertThat(statuses(hard)).containsExactly(DeliveryStatus.FAILED);
    }
  }

  @Test
  void aRefusedConnectionDefers() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    DeliveryReport report =
        client.deliver(
            new HostAndPort("localhost", port, InetAddress.getLoopbackAddress()),
            settings,
            message(BODY, "b@b.test"));

    assertThat(report.connection()).isEqualTo(ConnectionOutcome.CONNECT_FAILED);
    assertThat(statuses(report)).containsExactly(DeliveryStatus.DEFERRED);
    assertThat(report.recipients().get(0).reply().status()).isEqualTo("4.4.1");
    assertThat(report.tryNextHost()).isTrue();
  }

  @Test
  void aSilentServerTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ClientSettings quick = settings.withTimeouts(Timeouts.uniform(Duration.ofMillis(300)));
      long start = System.nanoTime();

      DeliveryReport report =
          client.deliver(
              new HostAndPort("localhost", silent.getLocalPort(), InetAddress.getLoopbackAddress()),
              quick,
              message(BODY, "b@b.test"));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(report.connection()).isEqualTo(ConnectionOutcome.TIMEOUT);
      assertThat(statuses(report)).containsExactly(DeliveryStatus.DEFERRED);
      assertThat(report.recipients().get(0).reply().status()).isEqualTo("4.4.1");
    }
  }

  @Test
  void theAttemptDeadlineCutsTheGreetingWaitShort() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // RFC timeouts (5 minutes for the greeting), but the attempt ends in 300 ms.
      Instant deadline = Instant.now().plusMillis(300);

      try (SmtpConnection c =
          client.connect(
              new HostAndPort("localhost", silent.getLocalPort(), InetAddress.getLoopbackAddress()),
              ClientSettings.defaults("relay.yubin.test"),
              deadline)) {
        DeliveryReport report = c.send(message(BODY, "b@b.test"));

        assertThat(report.connection()).isEqualTo(ConnectionOutcome.TIMEOUT);
        assertThat(statuses(report)).containsExactly(DeliveryStatus.DEFERRED);
        assertThat(report.recipients().get(0).reply().toString())
            .startsWith("451 4.4.1 ")
            .contains("attempt deadline reached");
        assertThat(report.tryNextHost()).isTrue();
      }
    }
  }

  @Test
  void aPassedDeadlineOpensNoConnection() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(200);
      DeliveryReport report;
      try (SmtpConnection c =
          client.connect(
              new HostAndPort(
                  "localhost", listener.getLocalPort(), InetAddress.getLoopbackAddress()),
              settings,
              Instant.now().minusSeconds(1))) {
        report = c.send(message(BODY, "b@b.test"));
      }

      assertThat(report.connection()).isEqualTo(ConnectionOutcome.TIMEOUT);
      assertThat(report.recipients().get(0).reply().toString())
          .contains("attempt deadline reached before connecting");
      assertThatExceptionOfType(java.net.SocketTimeoutException.class)
          .as("nothing connected")
          .isThrownBy(listener::accept);
    }
  }

  @Test
  void theVerdictOnASentMessageIsAwaitedPastTheDeadline() throws Exception {
    Instant deadline = Instant.now().plusSeconds(2);
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo();
              s.expect("MAIL FROM:<.*");
              s.reply("250 2.1.0 ok");
              s.expect("RCPT TO:<.*");
              s.reply("250 2.1.5 ok");
              s.expect("DATA");
              s.reply("354 go ahead");
              s.data();
              while (!Instant.now().isAfter(deadline.plusMillis(200))) {
                Thread.sleep(20); // the verdict comes after the attempt's deadline
              }
              s.reply("250 2.0.0 queued");
              s.quit();
            })) {
      try (SmtpConnection c = client.connect(server.target(), settings, deadline)) {
        DeliveryReport report = c.send(message(BODY, "b@b.test"));

        assertThat(statuses(report))
            .as("giving up on the final reply would send the message twice")
            .containsExactly(DeliveryStatus.DELIVERED);
      }
      server.finish();
    }
  }

  @Test
  void aServerThatStopsReadingTheDataTimesOut() throws Exception {
    String body = ("y".repeat(998) + "\r\n").repeat(20_000); // ~20 MB, far beyond socket buffers
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo();
              s.expect("MAIL .*");
              s.reply("250 ok");
              s.expect("RCPT .*");
              s.reply("250 ok");
              s.expect("DATA");
              s.reply("354 go");
              Thread.sleep(3_000); // not reading
            })) {
      ClientSettings quick = settings.withTimeouts(Timeouts.uniform(Duration.ofMillis(500)));
      DeliveryReport report = client.deliver(server.target(), quick, message(body, "b@b.test"));
      server.finish();

      assertThat(report.connection()).isEqualTo(ConnectionOutcome.TIMEOUT);
      assertThat(statuses(report)).containsExactly(DeliveryStatus.DEFERRED);
    }
  }

  @Test
  void unreadableContentDefersLocallyAndSendsNoFinalDot() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo();
              s.expect("MAIL .*");
              s.reply("250 ok");
              s.expect("RCPT .*");
              s.reply("250 ok");
              s.expect("DATA");
              s.reply("354 go");
              if (s.line() != null) {
                throw new AssertionError("the client should have closed without a final dot");
              }
            })) {
      OutboundMessage broken =
          OutboundMessage.of(
              "alice@a.test",
              List.of(Recipient.of("b@b.test")),
              () -> {
                throw new IOException("spool file gone");
              },
              10);
      DeliveryReport report = client.deliver(server.target(), settings, broken);
      server.finish();

      assertThat(report.connection()).isEqualTo(ConnectionOutcome.LOCAL_ERROR);
      assertThat(report.recipients().get(0).reply().status()).isEqualTo("4.3.0");
      assertThat(report.tryNextHost()).isFalse();
    }
  }

  @Test
  void theServerMayCloseRightAfterTheGreeting() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.reply("220 hi");
              s.close();
            })) {
      DeliveryReport report = client.deliver(server.target(), settings, message(BODY, "b@b.test"));
      server.finish();

      assertThat(report.connection())
          .isIn(ConnectionOutcome.CONNECTION_LOST, ConnectionOutcome.PROTOCOL_ERROR);
      assertThat(statuses(report)).containsExactly(DeliveryStatus.DEFERRED);
    }
  }

  @Test
  void noExceptionEscapesWhenTheSocketIsReset() throws Exception {
    try (FakeSmtpServer server =
        new FakeSmtpServer(
            s -> {
              s.ehlo();
              s.expect("MAIL .*");
              s.close();
            })) {
      DeliveryReport report = client.deliver(server.target(), settings, message(BODY, "b@b.test"));
      server.finish();

      assertThat(statuses(report)).containsExactly(DeliveryStatus.DEFERRED);
    }
  }
}
