package dev.yubin.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.RecordingOutput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What SMTPUTF8, DSN and CHUNKING hand to the backend. */
class SmtpEsmtpTest {

  private final InMemorySmtpBackend backend = new InMemorySmtpBackend();
  private final RecordingOutput out = new RecordingOutput();
  private final SmtpSession session =
      (SmtpSession) TestSmtp.factory(backend).newSession(TestSmtp.CONNECTION);

  SmtpEsmtpTest() {
    session.open(out);
    send("EHLO client.test\r\n");
  }

  private List<String> send(byte[] bytes) {
    session.receive(bytes, 0, bytes.length, out);
    return out.takeLines();
  }

  private List<String> send(String wire) {
    return send(wire.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dsnParametersAreDecodedIntoTheEnvelopeWhereMailNeedsAuth() {
    SmtpSession submission =
        (SmtpSession)
            new SmtpSessionFactory(
                    TestSmtp.config().withAuth(true, true).withAuthRequiresTls(false), backend)
                .newSession(TestSmtp.CONNECTION);
    submission.open(out);
    byte[] wire =
        ("EHLO client.test\r\nAUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\r\n"
                + "MAIL FROM:<carol@sender.test> RET=HDRS ENVID=QQ314159+2B1\r\n"
                + "RCPT TO:<alice@example.test> NOTIFY=success,FAILURE ORCPT=rfc822;Alice+40example.test\r\n"
                + "RCPT TO:<bob@example.test> NOTIFY=NEVER\r\n"
                + "RCPT TO:<postmaster>\r\nDATA\r\nhi\r\n.\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    submission.receive(wire, 0, wire.length, out);
    Envelope envelope = backend.delivered().get(0).envelope();
    assertThat(envelope.dsn()).isEqualTo(new DsnRequest(DsnReturn.HDRS, "QQ314159+1"));
    assertThat(envelope.smtpUtf8()).isFalse();
    assertThat(envelope.recipients())
        .containsExactly("alice@example.test", "bob@example.test", "postmaster");
    assertThat(envelope.rcptTo())
        .containsExactly(
            new Recipient(
                "alice@example.test",
                Set.of(DsnNotify.SUCCESS, DsnNotify.FAILURE),
                new OriginalRecipient("rfc822", "Alice@example.test")),
            new Recipient("bob@example.test", Set.of(DsnNotify.NEVER), null),
            Recipient.of("postmaster"));
  }

  @Test
  void smtpUtf8IsRecordedAndUtf8AddressesArriveIntact() {
    send("MAIL FROM:<jörg@bücher.test> SMTPUTF8\r\nRCPT TO:<bob@example.test>\r\n");
    assertThat(send("DATA\r\nSubject: Grüße\r\n\r\nhi\r\n.\r\n"))
        .last()
        .asString()
        .startsWith("250");
    Envelope envelope = backend.delivered().get(0).envelope();
    assertThat(envelope.smtpUtf8()).isTrue();
    assertThat(envelope.reversePath()).isEqualTo("jörg@bücher.test");
    assertThat(envelope.dsn()).isEqualTo(DsnRequest.NONE);
  }

  @Test
  void bdatStoresChunksByteForByteWithoutUnstuffing() {
    byte[] first = "Subject: raw\r\n\r\n..dots\r\n.\r".getBytes(StandardCharsets.US_ASCII);
    byte[] second = {'\n', 0, 'a', '\r', '\n', '.', '\r', '\n', (byte) 0xff, 0};
    send("MAIL FROM:<carol@sender.test>\r\nRCPT TO:<alice@example.test>\r\n");
    assertThat(send(concat(("BDAT " + first.length + "\r\n").getBytes(), first)))
        .containsExactly("250 2.0.0 " + first.length + " octets received");
    assertThat(send(concat(("BDAT " + second.length + " LAST\r\n").getBytes(), second)))
        .singleElement()
        .asString()
        .startsWith("250 2.0.0 Ok: queued as");
    assertThat(backend.delivered().get(0).content()).isEqualTo(concat(first, second));
    assertThat(session.idleTimeout()).isEqualTo(TestSmtp.config().commandTimeout());
  }

  @Test
  void bdatWithABareCrOrLfIsRefusedAsDataIsAndTheTransactionEnds() {
    String[] contents = {
      "Subject: x\r\n\r\na\nb\r\n", // bare LF
      "Subject: x\r\n\r\n\r.\r\r\n", // <CR>.<CR>
      "Subject: x\r\n\r\nends in CR\r" // a CR that no LF follows
    };
    for (String content : contents) {
      send("MAIL FROM:<carol@sender.test>\r\nRCPT TO:<alice@example.test>\r\n");
      assertThat(send("BDAT " + content.length() + " LAST\r\n" + content))
          .as(content)
          .containsExactly("550 5.5.2 Bare <LF> or <CR> received");
      assertThat(send("BDAT 1 LAST\r\nx")).containsExactly("503 5.5.1 Error: need MAIL command");
    }
    assertThat(backend.delivered()).isEmpty();
    assertThat(backend.sinks()).allSatisfy(s -> assertThat(s.isDiscarded()).isTrue());
  }

  @Test
  void aBareLineEndingAcrossChunksIsFoundAndACrlfSplitBetweenThemIsNot() {
    send("MAIL FROM:<carol@sender.test>\r\nRCPT TO:<alice@example.test>\r\n");
    assertThat(send("BDAT 3\r\nab\r")).containsExactly("250 2.0.0 3 octets received");
    assertThat(send("BDAT 3\r\n\n.\r")).containsExactly("250 2.0.0 3 octets received");
    assertThat(send("BDAT 2\r\nx\n"))
        .as("the CR that ended the last chunk is bare")
        .containsExactly("550 5.5.2 Bare <LF> or <CR> received");

    send("MAIL FROM:<carol@sender.test>\r\nRCPT TO:<alice@example.test>\r\n");
    assertThat(send("BDAT 3\r\nab\r")).containsExactly("250 2.0.0 3 octets received");
    assertThat(send("BDAT 0 LAST\r\n"))
        .as("the content ends in a CR")
        .containsExactly("550 5.5.2 Bare <LF> or <CR> received");
    assertThat(backend.delivered()).isEmpty();
  }

  @Test
  void manyPipelinedChunksInOneReceive() {
    String wire =
        "MAIL FROM:<carol@sender.test>\r\nRCPT TO:<alice@example.test>\r\n"
            + "BDAT 3\r\none"
            + "BDAT 3\r\ntwo"
            + "BDAT 5 LAST\r\nthree"
            + "NOOP\r\n";
    assertThat(send(wire))
        .containsExactly(
            "250 2.1.0 Ok",
            "250 2.1.5 Ok",
            "250 2.0.0 3 octets received",
            "250 2.0.0 3 octets received",
            "250 2.0.0 Ok: queued as M1",
            "250 2.0.0 Ok");
    assertThat(backend.delivered().get(0).text()).isEqualTo("onetwothree");
  }

  @Test
  void aChunkStillArrivingUsesTheDataTimeoutAndIsDiscardedIfTheClientLeaves() {
    send("MAIL FROM:<carol@sender.test>\r\nRCPT TO:<alice@example.test>\r\nBDAT 3\r\nabc");
    assertThat(send("BDAT 10 LAST\r\nhalf")).isEmpty();
    assertThat(session.idleTimeout()).isEqualTo(TestSmtp.config().dataTimeout());
    assertThat(session.receivingData()).isTrue();
    session.closed();
    assertThat(backend.delivered()).isEmpty();
    assertThat(backend.sinks())
        .singleElement()
        .satisfies(s -> assertThat(s.isDiscarded()).isTrue());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
