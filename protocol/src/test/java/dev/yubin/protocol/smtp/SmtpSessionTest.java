package dev.yubin.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.RecordingOutput;
import dev.yubin.protocol.smtp.InMemorySmtpBackend.DeliveredMessage;
import dev.yubin.protocol.smtp.InMemorySmtpBackend.DeliveryMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What dialogue scripts cannot see: the bytes and envelopes the backend receives. */
class SmtpSessionTest {

  private static final String TRANSACTION =
      "MAIL FROM:<carol@sender.test>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n";

  private final InMemorySmtpBackend backend = new InMemorySmtpBackend();
  private final RecordingOutput out = new RecordingOutput();
  private SmtpSession session = open(TestSmtp.config());

  private SmtpSession open(SmtpConfig config) {
    SmtpSession opened =
        (SmtpSession) new SmtpSessionFactory(config, backend).newSession(TestSmtp.CONNECTION);
    opened.open(out);
    out.takeLines();
    return opened;
  }

  private List<String> send(String wire) {
    byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
    session.receive(bytes, 0, bytes.length, out);
    return out.takeLines();
  }

  private DeliveredMessage onlyDelivered() {
    assertThat(backend.delivered()).hasSize(1);
    return backend.delivered().get(0);
  }

  @Test
  void storesDotUnstuffedContentWithCrlfAndTheEnvelope() {
    send("EHLO client.test\r\n");
    List<String> replies =
        send(
            "MAIL FROM:<carol@sender.test>\r\nRCPT TO:<alice@example.test>\r\n"
                + "RCPT TO:<nobody@example.test>\r\nRCPT TO:<postmaster>\r\nDATA\r\n"
                + "Subject: dots\r\n\r\n..one\r\n...\r\n.\r\n");
    assertThat(replies).last().asString().startsWith("250 2.0.0 Ok: queued as");
    DeliveredMessage message = onlyDelivered();
    assertThat(message.text()).isEqualTo("Subject: dots\r\n\r\n.one\r\n..\r\n");
    assertThat(message.envelope())
        .isEqualTo(new Envelope("carol@sender.test", List.of("alice@example.test", "postmaster")));
    assertThat(message.session().heloName()).isEqualTo("client.test");
    assertThat(message.session().protocolName()).isEqualTo("ESMTP");
  }

  @Test
  void heloMakesItPlainSmtpAndAcceptsTheNullSender() {
    send("HELO client.test\r\n");
    send("MAIL FROM:<>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\nbounce\r\n.\r\n");
    DeliveredMessage message = onlyDelivered();
    assertThat(message.session().protocolName()).isEqualTo("SMTP");
    assertThat(message.envelope()).isEqualTo(new Envelope("", List.of("bob@example.test")));
    assertThat(message.text()).isEqualTo("bounce\r\n");
  }

  @Test
  void recipientsBeyondTheLimitStayOutOfTheEnvelope() {
    send("EHLO client.test\r\nMAIL FROM:<carol@sender.test>\r\n");
    List<String> replies =
        send(
            "RCPT TO:<alice@example.test>\r\nRCPT TO:<bob@example.test>\r\n"
                + "RCPT TO:<postmaster>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n.\r\n");
    assertThat(replies).contains("452 4.5.3 Error: too many recipients");
    assertThat(onlyDelivered().envelope().recipients())
        .containsExactly("alice@example.test", "bob@example.test", "postmaster");
  }

  /** The fake ends of data that SMTP smuggling relies on; none may end the message. */
  @ParameterizedTest
  @ValueSource(strings = {"\n.\n", "\r.\r", "\r\n.\r", "\n.\r\n", "\r\n.\n", "\r.\r\n"})
  void smugglingNeverProducesASecondMessage(String fakeEnd) {
    send("EHLO client.test\r\n");
    List<String> replies =
        send(
            TRANSACTION
                + "Subject: first\r\n\r\nhello"
                + fakeEnd
                + "MAIL FROM:<ceo@example.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n"
                + "Subject: smuggled\r\n\r\nwire the money\r\n.\r\n");
    assertThat(replies)
        .containsExactly(
            "250 2.1.0 Ok",
            "250 2.1.5 Ok",
            "354 End data with <CR><LF>.<CR><LF>",
            "550 5.5.2 Bare <LF> or <CR> received");
    assertThat(backend.sinks())
        .singleElement()
        .satisfies(s -> assertThat(s.isDiscarded()).isTrue());

    send(TRANSACTION + "Subject: legit\r\n\r\nhi\r\n.\r\n");
    DeliveredMessage message = onlyDelivered();
    assertThat(message.envelope().reversePath()).isEqualTo("carol@sender.test");
    assertThat(message.text()).isEqualTo("Subject: legit\r\n\r\nhi\r\n");
  }

  @Test
  void overlongContentLinesPassThroughInPiecesAndAreUnstuffedOnce() {
    session = open(SmtpConfig.defaults(TestSmtp.HOSTNAME));
    String longLine = "a".repeat(5000);
    String dotAtPieceBoundary = "b".repeat(SmtpSession.MAX_LINE_LENGTH) + ".c";
    send("EHLO client.test\r\n" + TRANSACTION);
    List<String> replies = send(".." + longLine + "\r\n" + dotAtPieceBoundary + "\r\n" + ".\r\n");
    assertThat(replies).singleElement().asString().startsWith("250 2.0.0");
    assertThat(onlyDelivered().text())
        .isEqualTo("." + longLine + "\r\n" + dotAtPieceBoundary + "\r\n");
  }

  @Test
  void aMessageOfExactlyTheLimitIsAcceptedOneOctetMoreIsNot() {
    String line = "x".repeat(98) + "\r\n"; // 100 octets; the test limit is 300
    send("EHLO client.test\r\n" + TRANSACTION);
    assertThat(send(line.repeat(3) + ".\r\n")).singleElement().asString().startsWith("250");
    send(TRANSACTION);
    assertThat(send(line.repeat(3) + "y\r\n.\r\n"))
        .containsExactly("552 5.3.4 Message size exceeds fixed maximum message size");
    assertThat(onlyDelivered().content()).hasSize(300);
    assertThat(backend.sinks().get(1).isDiscarded()).isTrue();
  }

  @Test
  void theClientGoingAwayMidDataStoresNothing() {
    send("EHLO client.test\r\n" + TRANSACTION + "Subject: half\r\n");
    session.closed();
    assertThat(backend.delivered()).isEmpty();
    assertThat(backend.sinks())
        .singleElement()
        .satisfies(s -> assertThat(s.isDiscarded()).isTrue());
  }

  @Test
  void aTimeoutMidDataClosesAndStoresNothing() {
    send("EHLO client.test\r\n" + TRANSACTION + "Subject: half\r\n");
    session.idle(out);
    assertThat(out.takeLines())
        .containsExactly("421 4.4.2 mx.example.test Error: timeout exceeded");
    assertThat(out.isClosed()).isTrue();
    assertThat(backend.sinks().get(0).isDiscarded()).isTrue();
    assertThat(backend.delivered()).isEmpty();
  }

  @Test
  void idleTimeoutIsShorterDuringDataWhoseContentIsBulk() {
    assertThat(session.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(session.receivingData()).isFalse();
    send("EHLO client.test\r\n" + TRANSACTION);
    assertThat(session.idleTimeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(session.receivingData()).isTrue();
    send(".\r\n");
    assertThat(session.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(session.receivingData()).isFalse();
  }

  @Test
  void aFailingSinkIsAnsweredWith451AtTheEndOfData() {
    backend.sinkFailsAfter(10);
    send("EHLO client.test\r\n" + TRANSACTION);
    assertThat(send("Subject: too long for the disk\r\nmore\r\n"))
        .as("the rest is swallowed")
        .isEmpty();
    assertThat(send(".\r\n"))
        .containsExactly("451 4.3.0 Error: temporary failure, please try again later");
    assertThat(backend.delivered()).isEmpty();
    assertThat(backend.sinks().get(0).isDiscarded()).isTrue();
    assertThat(send("MAIL FROM:<carol@sender.test>\r\n")).containsExactly("250 2.1.0 Ok");
  }

  @Test
  void aBackendExceptionIsA451AndTheSessionGoesOn() {
    send("EHLO client.test\r\n");
    backend.senderCheckThrows(true);
    assertThat(send("MAIL FROM:<carol@sender.test>\r\n"))
        .containsExactly("451 4.3.0 Error: temporary failure, please try again later");
    assertThat(send("RCPT TO:<alice@example.test>\r\n"))
        .containsExactly("503 5.5.1 Error: need MAIL command");
    backend.senderCheckThrows(false);
    assertThat(send("MAIL FROM:<carol@sender.test>\r\n")).containsExactly("250 2.1.0 Ok");
  }

  @Test
  void aFailureToOpenTheMessageIsA451InsteadOf354() {
    backend.openMessageThrows(true);
    send("EHLO client.test\r\n");
    assertThat(send(TRANSACTION))
        .containsExactly(
            "250 2.1.0 Ok",
            "250 2.1.5 Ok",
            "451 4.3.0 Error: temporary failure, please try again later");
    assertThat(session.idleTimeout()).as("not in DATA").isEqualTo(Duration.ofMinutes(5));
    backend.openMessageThrows(false);
    assertThat(send("DATA\r\n.\r\n"))
        .containsExactly("354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as M1");
  }

  @Test
  void aThrowingDeliveryIsA451AndTheTransactionIsReset() {
    backend.deliveryMode(DeliveryMode.THROW);
    send("EHLO client.test\r\n" + TRANSACTION);
    assertThat(send("hello\r\n.\r\n"))
        .containsExactly("451 4.3.0 Error: temporary failure, please try again later");
    assertThat(send("MAIL FROM:<carol@sender.test>\r\n")).containsExactly("250 2.1.0 Ok");
  }

  @Test
  void aDeferredDeliveryIsWrittenAsTheBackendSaysIt() {
    backend.deliveryMode(DeliveryMode.DEFER);
    send("EHLO client.test\r\n" + TRANSACTION);
    assertThat(send("hello\r\n.\r\n")).containsExactly("451 4.3.0 Error: queue file write error");
    assertThat(backend.delivered()).isEmpty();
  }

  @Test
  void nothingIsReadAfterQuit() {
    assertThat(send("QUIT\r\nNOOP\r\n")).containsExactly("221 2.0.0 Bye");
    assertThat(out.isClosed()).isTrue();
    assertThat(send("NOOP\r\n")).isEmpty();
    session.idle(out);
    assertThat(out.takeLines()).isEmpty();
  }

  @Test
  void garbageWithoutLineEndsGetsOneReplyOnceTheLineEnds() {
    byte[] chunk = "z".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 160; i++) { // 10 MiB
      session.receive(chunk, 0, chunk.length, out);
    }
    assertThat(out.takeLines()).isEmpty();
    assertThat(send("\r\nNOOP\r\n"))
        .containsExactly("500 5.5.2 Error: line too long", "250 2.0.0 Ok");
  }

  @Test
  void sinksAreOpenedOnlyOnceDataIsAccepted() {
    send("EHLO client.test\r\nMAIL FROM:<carol@sender.test>\r\nRCPT TO:<nobody@example.test>\r\n");
    assertThat(send("DATA\r\n")).containsExactly("554 5.5.1 Error: no valid recipients");
    assertThat(backend.sinks()).isEmpty();
    assertThat(send("RCPT TO:<bob@example.test>\r\nDATA\r\n")).last().asString().startsWith("354");
    assertThat(backend.sinks()).hasSize(1);
  }
}
