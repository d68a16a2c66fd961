package dev.yubin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Submission with Angus Mail, the Jakarta Mail implementation: {@code smtp} with STARTTLS required
 * and AUTH on the submission port, {@code smtps} on the implicit-TLS port, and the message read
 * back with Angus's {@code pop3s} store. The self-signed certificate is trusted with {@code
 * ssl.trust=*} and no identity check. One server for the class; every test has its own users.
 */
class AngusSubmissionIT {

  static final String DOMAIN = "angus.e2e.test";
  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("angus").freePorts().domains(DOMAIN).build();
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

  /** Settings for PROTOCOL (smtp, smtps, pop3s) on PORT, trusting the self-signed certificate. */
  static Properties properties(String protocol, int port) {
    Properties props = new Properties();
    String prefix = "mail." + protocol + ".";
    props.put(prefix + "host", server.bind());
    props.put(prefix + "port", Integer.toString(port));
    props.put(prefix + "ssl.trust", "*");
    // The self-signed certificate names the server's hostname, and we connect to an IP address.
    props.put(prefix + "ssl.checkserveridentity", "false");
    props.put(prefix + "connectiontimeout", "10000");
    props.put(prefix + "timeout", "60000");
    props.put("mail.mime.charset", "UTF-8");
    if (protocol.startsWith("smtp")) {
      props.put(prefix + "localhost", "angus.e2e.test");
      props.put(prefix + "auth", "true");
    }
    return props;
  }

  static MimeMessage message(Session session, String from, String to, String subject)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject, "UTF-8");
    message.setText("Angus Mail sagt Grüß Gott.\r\n", "UTF-8");
    message.saveChanges();
    return message;
  }

  /** The only message in USER's maildrop, read with Angus Mail's pop3s store. */
  static byte[] fetchWithPop3s(String user) throws MessagingException, IOException {
    Session session = Session.getInstance(properties("pop3s", server.pop3sPort()));
    Store store = session.getStore("pop3s");
    store.connect(user, Clients.PASSWORD);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        assertThat(inbox.getMessageCount()).as("messages for %s", user).isEqualTo(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        inbox.getMessage(1).writeTo(bytes);
        return bytes.toByteArray();
      } finally {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PLAIN", "LOGIN"})
  void smtpWithStartTlsRequiredAndAuth(String mechanism) throws Exception {
    String alice = newUser("alice-" + mechanism.toLowerCase());
    String bob = newUser("bob-" + mechanism.toLowerCase());
    Properties props = properties("smtp", server.submissionPort());
    props.put("mail.smtp.starttls.enable", "true");
    props.put("mail.smtp.starttls.required", "true");
    props.put("mail.smtp.auth.mechanisms", mechanism);
    Session session = Session.getInstance(props);
    MimeMessage sent = message(session, alice, bob, "Angus " + mechanism + " über STARTTLS");

    Transport.send(sent, alice, Clients.PASSWORD);

    byte[] stored = fetchWithPop3s(bob);
    Trace trace = Trace.split(stored, alice, bob, server.hostname(), "ESMTPSA");
    assertThat(trace.heloName()).isEqualTo("angus.e2e.test");
    MimeMessage received = new MimeMessage(session, new java.io.ByteArrayInputStream(stored));
    assertThat(received.getSubject()).isEqualTo("Angus " + mechanism + " über STARTTLS");
    assertThat(received.getMessageID())
        .as("the client's Message-ID is kept")
        .isEqualTo(sent.getMessageID());
    assertThat((String) received.getContent()).startsWith("Angus Mail sagt Grüß Gott.");
  }

  @Test
  void smtpsOnTheImplicitTlsPort() throws Exception {
    String carol = newUser("carol");
    String dave = newUser("dave");
    Session session = Session.getInstance(properties("smtps", server.submissionsPort()));
    MimeMessage sent = message(session, carol, dave, "Angus smtps");

    try (Transport transport = session.getTransport("smtps")) {
      transport.connect(carol, Clients.PASSWORD);
      transport.sendMessage(sent, sent.getAllRecipients());
      assertThat(transport.getClass().getName()).endsWith("SMTPSSLTransport");
    }

    Trace trace = Trace.split(fetchWithPop3s(dave), carol, dave, server.hostname(), "ESMTPSA");
    assertThat(new String(trace.rest(), java.nio.charset.StandardCharsets.US_ASCII))
        .contains("Subject: Angus smtps");
  }

  @Test
  void withoutStartTlsTheSubmissionPortOffersNoAuthAndRefusesMail() throws Exception {
    String erin = newUser("erin");
    String fay = newUser("fay");
    Properties props = properties("smtp", server.submissionPort());
    props.put("mail.smtp.starttls.enable", "false");
    Session session = Session.getInstance(props);
    MimeMessage sent = message(session, erin, fay, "no TLS, no AUTH, no mail");

    assertThatThrownBy(() -> Transport.send(sent, erin, Clients.PASSWORD))
        .isInstanceOf(MessagingException.class)
        .satisfies(
            e -> {
              StringBuilder chain = new StringBuilder();
              for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t.getMessage()).append('\n');
              }
              assertThat(chain.toString()).contains("530 5.7.0");
            });
    assertThat(Clients.count(server, fay)).isZero();
  }
}
