package dev.yubin.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Submission (RFC 6409, RFC 8314) with Python: smtplib's {@code starttls()}, {@code login()} and
 * forced mechanisms, {@code SMTP_SSL}; over a raw socket ({@code esmtp_raw.py}) AUTH SCRAM-SHA-256
 * computed with hashlib and BDAT. Messages come back over POP3S. One server for the class; every
 * test has its own users. Two tests fail an AUTH on purpose, below the five failures per client
 * address that would block this class's other tests (see {@link SmtpLimitsIT}).
 */
class SmtplibSubmissionIT {

  static final String DOMAIN = "smtplib.e2e.test";
  static YubinServer server;

  @BeforeAll
  static void start() {
    server = YubinServer.builder("smtplib").freePorts().domains(DOMAIN).build();
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

  static List<String> submit(String... options) {
    return Clients.esmtp(server, server.submissionPort(), options);
  }

  static List<String> raw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = server.bind();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    all[2] = Integer.toString(server.submissionPort());
    return E2e.python("esmtp_raw.py", all).requireSuccess().lines();
  }

  static List<String> extensions(List<String> output, String prefix) {
    return List.of(
        Clients.line(output, prefix + " 250 ").substring(prefix.length() + 5).split("\\|"));
  }

  @Test
  void ehloOffersStartTlsFirstAndAuthOnlyAfterTls() {
    List<String> session = submit("--tls", "starttls");

    assertThat(extensions(session, "EHLO"))
        .contains("STARTTLS", "PIPELINING", "ENHANCEDSTATUSCODES")
        .noneMatch(e -> e.startsWith("AUTH"));
    assertThat(Clients.line(session, "TLS ")).matches("TLS TLSv1\\.[23]");
    assertThat(extensions(session, "EHLO-TLS"))
        .contains(
            "AUTH SCRAM-SHA-256 PLAIN LOGIN",
            "PIPELINING",
            "ENHANCEDSTATUSCODES",
            "8BITMIME",
            "SMTPUTF8",
            "DSN",
            "CHUNKING")
        .anyMatch(e -> e.matches("SIZE \\d+"))
        .doesNotContain("STARTTLS");
  }

  @Test
  void loginPicksAMechanismAndTheMessageArrivesWithEsmtpsaNoBccAndAMessageIdAndDate() {
    String alice = newUser("alice");
    String bob = newUser("bob");
    String carol = newUser("carol");
    byte[] message =
        Clients.crlf(
            "From: Alice <" + alice + ">",
            "To: Bob <" + bob + ">",
            "Bcc: Carol <" + carol + ">",
            "Subject: smtplib login",
            "",
            "No Message-ID, no Date: the submission server adds them.");

    List<String> session =
        submit(
            "--tls",
            "starttls",
            "--auth",
            "login",
            "--user",
            alice,
            "--password",
            Clients.PASSWORD,
            "--from",
            alice,
            "--to",
            bob,
            carol,
            "--file",
            Clients.messageFile(message).toString());

    assertThat(Clients.line(session, "AUTH")).startsWith("AUTH 235 2.7.0");
    assertThat(Clients.line(session, "MAIL")).startsWith("MAIL 250 ");
    assertThat(session).filteredOn(l -> l.startsWith("RCPT")).allMatch(l -> l.contains(" 250 "));
    assertThat(Clients.line(session, "DATA")).startsWith("DATA 250 ");
    for (String recipient : List.of(bob, carol)) {
      Trace trace =
          Trace.split(
              Clients.fetchOnly(server, true, recipient),
              alice,
              recipient,
              server.hostname(),
              "ESMTPSA");
      assertThat(trace.heloName()).isEqualTo("client.e2e.test");
      String text = new String(trace.rest(), UTF_8);
      String header = text.split("\r\n\r\n", 2)[0];
      assertThat(header)
          .startsWith("From: Alice <" + alice + ">\r\nTo: Bob <" + bob + ">\r\n")
          .doesNotContainPattern("(?im)^Bcc:")
          .doesNotContain("Carol")
          .containsPattern("(?m)^Message-ID: <[^>\\s]+@[^>\\s]+>$")
          .containsPattern("(?m)^Date: [A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} ");
      assertThat(text)
          .endsWith("\r\n\r\nNo Message-ID, no Date: the submission server adds them.\r\n");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PLAIN", "LOGIN"})
  void eachOfferedMechanismForcedThroughSmtpAuth(String mechanism) {
    String dan = newUser("dan-" + mechanism.toLowerCase());
    String erin = newUser("erin-" + mechanism.toLowerCase());
    byte[] message =
        Clients.crlf(
            "From: " + dan,
            "To: " + erin,
            "Subject: forced " + mechanism,
            "Message-ID: <" + UUID.randomUUID() + "@smtplib.e2e.test>",
            "Date: Mon, 1 Jan 2024 10:00:00 +0900",
            "",
            "Sent after AUTH " + mechanism + ".");

    List<String> session =
        submit(
            "--tls",
            "starttls",
            "--auth",
            mechanism,
            "--user",
            dan,
            "--password",
            Clients.PASSWORD,
            "--from",
            dan,
            "--to",
            erin,
            "--file",
            Clients.messageFile(message).toString());

    assertThat(Clients.line(session, "AUTH")).startsWith("AUTH 235 2.7.0");
    assertThat(Clients.line(session, "DATA")).startsWith("DATA 250 ");
    Trace trace =
        Trace.split(Clients.fetchOnly(server, true, erin), dan, erin, server.hostname(), "ESMTPSA");
    assertThat(trace.rest()).as("a complete message is stored unchanged").isEqualTo(message);
  }

  @Test
  void wrongPasswordIs535() {
    String fay = newUser("fay");

    List<String> session =
        submit("--tls", "starttls", "--auth", "PLAIN", "--user", fay, "--password", "wrong");

    assertThat(Clients.line(session, "AUTH")).startsWith("AUTH 535 5.7.8");
  }

  @Test
  void mailBeforeAuthIs530AndNothingIsAccepted() {
    String gil = newUser("gil");
    String hal = newUser("hal");

    List<String> session =
        submit(
            "--tls",
            "starttls",
            "--from",
            gil,
            "--to",
            hal,
            "--file",
            Clients.messageFile(Clients.crlf("Subject: unauthenticated", "", "no")).toString());

    assertThat(Clients.line(session, "MAIL")).startsWith("MAIL 530 5.7.0");
    assertThat(Clients.line(session, "RCPT")).contains(" 503 ");
    assertThat(Clients.line(session, "DATA")).startsWith("DATA 503 ");
    assertThat(Clients.count(server, hal)).isZero();
  }

  @Test
  void mailFromMustBeTheAuthenticatedAddress() {
    String ida = newUser("ida");
    String jon = newUser("jon");

    List<String> session =
        submit(
            "--tls",
            "starttls",
            "--auth",
            "login",
            "--user",
            ida,
            "--password",
            Clients.PASSWORD,
            "--from",
            jon,
            "--to",
            jon);

    assertThat(Clients.line(session, "AUTH")).startsWith("AUTH 235");
    assertThat(Clients.line(session, "MAIL")).startsWith("MAIL 553 5.7.1");
  }

  @Test
  void remoteRecipientIsQueuedForRelayWhileTheLocalOneGetsTheMessage() {
    String kim = newUser("kim");
    String lou = newUser("lou");
    String remote = "someone@remote-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    byte[] message =
        Clients.crlf("From: " + kim, "To: " + lou + ", " + remote, "Subject: mixed", "", "x");

    List<String> session =
        submit(
            "--tls",
            "starttls",
            "--auth",
            "login",
            "--user",
            kim,
            "--password",
            Clients.PASSWORD,
            "--from",
            kim,
            "--to",
            lou,
            remote,
            "--file",
            Clients.messageFile(message).toString());

    assertThat(Clients.line(session, "RCPT " + lou)).endsWith(" 250 2.1.5 Ok");
    assertThat(Clients.line(session, "RCPT " + remote)).endsWith(" 250 2.1.5 Ok");
    assertThat(Clients.line(session, "DATA")).startsWith("DATA 250 ");
    Trace.split(Clients.fetchOnly(server, true, lou), kim, lou, server.hostname(), "ESMTPSA");
    // The remote copy waits in the queue: this server's DNS (a closed loopback port) finds no
    // route, so the attempt is deferred and retried later, nothing lost.
    String queue = server.admin("GET", "queue", null, server.adminPassword()).body();
    assertThat(queue).contains("\"sender\":\"" + kim + "\"").contains("\"pending\":1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--initial", "--no-initial"})
  void scramSha256ProvesBothSides(String initialResponse) {
    String max = newUser("max");

    List<String> session = raw("scram", max, Clients.PASSWORD, initialResponse, "--from", max);

    String[] serverFirst = Clients.line(session, "SERVER-FIRST").split(" ");
    assertThat(serverFirst[2]).as("the server's nonce extends ours").isEqualTo("True");
    assertThat(Integer.parseInt(serverFirst[1]))
        .as("PBKDF2 iterations (RFC 7677 §4: at least 4096; README: 600,000)")
        .isGreaterThanOrEqualTo(4096);
    assertThat(Clients.line(session, "SERVER-SIGNATURE")).isEqualTo("SERVER-SIGNATURE verified");
    assertThat(Clients.line(session, "AUTH")).startsWith("AUTH 235 2.7.0");
    assertThat(Clients.line(session, "MAIL")).startsWith("MAIL 250 ");
  }

  @Test
  void scramSha256WithAWrongPasswordIs535WithoutAServerSignature() {
    String ned = newUser("ned");

    List<String> session = raw("scram", ned, "not the password", "--from", ned);

    assertThat(Clients.line(session, "SERVER-SIGNATURE")).isEqualTo("SERVER-SIGNATURE none");
    assertThat(Clients.line(session, "AUTH")).startsWith("AUTH 535 5.7.8");
    assertThat(Clients.line(session, "MAIL")).startsWith("MAIL 530 5.7.0");
  }

  @Test
  void smtpUtf8ToAUtf8LocalPartKeepsTheUtf8HeaderBytes() throws IOException {
    String olga = newUser("olga");
    String pat = newUser("pat");
    String japanese =
        server.addUser(
            "ユーザー-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN,
            Clients.PASSWORD);
    String marker = UUID.randomUUID().toString();
    byte[] message =
        Clients.crlf(
            "From: オルガ <" + olga + ">",
            "To: " + japanese + ", " + pat,
            "Subject: 郵便のテスト " + marker,
            "Message-ID: <" + marker + "@smtplib.e2e.test>",
            "Date: Mon, 1 Jan 2024 10:00:00 +0900",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "こんにちは、ユーザーさん。");
    List<Path> before = server.storedMessageFiles();

    List<String> session =
        submit(
            "--tls",
            "starttls",
            "--auth",
            "login",
            "--user",
            olga,
            "--password",
            Clients.PASSWORD,
            "--from",
            olga,
            "--to",
            Clients.arg(japanese),
            pat,
            "--mail-option",
            "SMTPUTF8",
            "BODY=8BITMIME",
            "--file",
            Clients.messageFile(message).toString());

    assertThat(Clients.line(session, "MAIL")).startsWith("MAIL 250 ");
    assertThat(Clients.line(session, "RCPT " + japanese)).endsWith(" 250 2.1.5 Ok");
    assertThat(Clients.line(session, "DATA")).startsWith("DATA 250 ");
    Trace trace =
        Trace.split(Clients.fetchOnly(server, true, pat), olga, pat, server.hostname(), "ESMTPSA");
    assertThat(trace.rest()).isEqualTo(message);
    // POP3 has no UTF8 capability (RFC 6856) here, so the UTF-8 mailbox is read from its file.
    List<Path> added = new java.util.ArrayList<>(server.storedMessageFiles());
    added.removeAll(before);
    assertThat(added).hasSize(2);
    List<String> copies = added.stream().map(SmtplibSubmissionIT::read).toList();
    assertThat(copies).anySatisfy(copy -> assertThat(copy).contains("\tfor <" + japanese + ">;"));
    assertThat(copies).allSatisfy(copy -> assertThat(copy).endsWith(new String(message, UTF_8)));
  }

  @Test
  void bdatInTwoChunksStoresEveryByteIncludingDotLinesAndNuls() {
    String quinn = newUser("quinn");
    String rita = newUser("rita");
    byte[] message =
        Clients.crlf(
            "From: " + quinn,
            "To: " + rita,
            "Subject: chunked",
            "Message-ID: <" + UUID.randomUUID() + "@smtplib.e2e.test>",
            "Date: Mon, 1 Jan 2024 10:00:00 +0900",
            "",
            "BDAT counts octets, so this is no end of data:",
            ".",
            "and neither is this line with NULs: \0 \0\0 end",
            "..two dots stay two dots",
            "last line");

    List<String> session =
        raw(
            "bdat",
            quinn,
            Clients.PASSWORD,
            quinn,
            rita,
            Clients.messageFile(message).toString(),
            "2");

    assertThat(Clients.line(session, "AUTH")).startsWith("AUTH 235");
    assertThat(Clients.line(session, "BDAT 1")).startsWith("BDAT 1 250 2.0.0");
    assertThat(Clients.line(session, "BDAT 2")).startsWith("BDAT 2 250 2.0.0 Ok: queued as ");
    Trace trace =
        Trace.split(
            Clients.fetchOnly(server, true, rita), quinn, rita, server.hostname(), "ESMTPSA");
    assertThat(new String(trace.rest(), ISO_8859_1)).isEqualTo(new String(message, ISO_8859_1));
    assertThat(trace.rest()).isEqualTo(message);
  }

  @Test
  void smtpSslOnTheSubmissionsPort() {
    String sam = newUser("sam");
    String tom = newUser("tom");
    byte[] message = Clients.crlf("From: " + sam, "To: " + tom, "Subject: implicit TLS", "", "x");

    List<String> session =
        Clients.esmtp(
            server,
            server.submissionsPort(),
            "--tls",
            "implicit",
            "--auth",
            "login",
            "--user",
            sam,
            "--password",
            Clients.PASSWORD,
            "--from",
            sam,
            "--to",
            tom,
            "--file",
            Clients.messageFile(message).toString());

    assertThat(Clients.line(session, "TLS ")).matches("TLS TLSv1\\.[23]");
    assertThat(extensions(session, "EHLO-TLS"))
        .contains("AUTH SCRAM-SHA-256 PLAIN LOGIN")
        .doesNotContain("STARTTLS");
    assertThat(Clients.line(session, "AUTH")).startsWith("AUTH 235");
    assertThat(Clients.line(session, "DATA")).startsWith("DATA 250 ");
    Trace.split(Clients.fetchOnly(server, true, tom), sam, tom, server.hostname(), "ESMTPSA");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
