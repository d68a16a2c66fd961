package dev.yubin.ejb.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.ejb.kernel.OriginalRecipient;
import dev.yubin.ejb.kernel.Ret;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryStatusNotificationTest {

  private static final String HOST = "mail.a.test";
  private static final Instant ARRIVAL = Instant.parse("2025-03-01T09:58:00Z");
  private static final Instant ATTEMPT = Instant.parse("2025-03-01T09:59:30Z");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneId.of("Asia/Tokyo"));

  private static final String HEADER =
      "Return-Path: <taro@a.test>\r\n"
          + "From: =?UTF-8?B?5aSq6YOO?= <taro@a.test>\r\n"
          + "To: hanako@b.test, joe@b.test\r\n"
          + "Subject: 会議の件\r\n"
          + "Message-ID: <orig.1@a.test>\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n"
          + "Content-Transfer-Encoding: 8bit\r\n";
  private static final String ORIGINAL =
      HEADER + "\r\n" + "こんにちは。明日の会議は十時からです。\r\n" + "-- \r\n太郎\r\n";

  private static final ReportedRecipient JOE =
      ReportedRecipient.failed(
              "joe@b.test",
              "5.1.1",
              "mx.b.test",
              Diagnostic.smtp("550 5.1.1 <joe@b.test>: Recipient address rejected: User unknown"),
              ATTEMPT)
          .withOriginalRecipient(new OriginalRecipient("rfc822", "Joe@B.test"));

  @TempDir Path dir;
  private Path spool;

  @BeforeEach
  void spool() throws IOException {
    spool = dir.resolve("original.eml");
    Files.write(spool, ORIGINAL.getBytes(StandardCharsets.UTF_8));
  }

  private OriginalMessage original(Ret ret, String envelopeId) {
    return new OriginalMessage("taro@a.test", envelopeId, ret, ARRIVAL, spool);
  }

  private DeliveryStatusNotification.Builder failure(Ret ret) {
    return DeliveryStatusNotification.builder(NotificationKind.FAILURE, HOST)
        .original(original(ret, null))
        .recipient(JOE)
        .clock(CLOCK);
  }

  private static byte[] bytes(DeliveryStatusNotification dsn) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dsn.writeTo(out);
    return out.toByteArray();
  }

  /** Parses as a reader that understands UTF-8 header fields (RFC 6532) would. */
  private static MimeMessage parse(byte[] message) throws Exception {
    Properties utf8 = new Properties();
    utf8.setProperty("mail.mime.allowutf8", "true");
    return new MimeMessage(Session.getInstance(utf8), new ByteArrayInputStream(message));
  }

  private static MimeMultipart parts(MimeMessage message) throws Exception {
    return (MimeMultipart) message.getContent();
  }

  private static byte[] raw(BodyPart part) throws Exception {
    try (InputStream in = ((MimeBodyPart) part).getRawInputStream()) {
      return in.readAllBytes();
    }
  }

  private static String text(BodyPart part) throws Exception {
    return new String(raw(part), StandardCharsets.UTF_8);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** The message/delivery-status body as its groups of fields: per-message, then per recipient. */
  private static List<Map<String, String>> groups(BodyPart part) throws Exception {
    String body = new String(raw(part), StandardCharsets.US_ASCII);
    List<Map<String, String>> groups = new ArrayList<>();
    for (String group : body.split("\r\n\r\n")) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String line : group.replaceAll("\r\n(?=[ \t])", "").split("\r\n")) {
        if (!line.isEmpty()) {
          int colon = line.indexOf(':');
          fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
      }
      groups.add(fields);
    }
    return groups;
  }

  @Test
  void aFailureReportIsAMultipartReportOfThreeParts() throws Exception {
    DeliveryStatusNotification.Written written;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    written = failure(null).build().writeTo(out);
    MimeMessage message = parse(out.toByteArray());

    assertThat(message.getHeader("From", null))
        .isEqualTo("Mail Delivery System <MAILER-DAEMON@mail.a.test>");
    assertThat(message.getHeader("To", null)).isEqualTo("<taro@a.test>");
    assertThat(message.getSubject()).isEqualTo("Undelivered Mail Returned to Sender");
    assertThat(message.getHeader("Date", null)).isEqualTo("Sat, 1 Mar 2025 19:00:00 +0900");
    assertThat(message.getSentDate()).isEqualTo(Date.from(CLOCK.instant()));
    assertThat(message.getMessageID()).isEqualTo(written.messageId()).endsWith("@mail.a.test>");
    assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
    assertThat(message.getHeader("MIME-Version", null)).isEqualTo("1.0");
    ContentType type = new ContentType(message.getContentType());
    assertThat(type.getBaseType()).isEqualTo("multipart/report");
    assertThat(type.getParameter("report-type")).isEqualTo("delivery-status");

    MimeMultipart parts = parts(message);
    assertThat(parts.getCount()).isEqualTo(3);
    assertThat(new ContentType(parts.getBodyPart(0).getContentType()).match("text/plain")).isTrue();
    assertThat(new ContentType(parts.getBodyPart(0).getContentType()).getParameter("charset"))
        .isEqualTo("utf-8");
    assertThat(parts.getBodyPart(1).isMimeType("message/delivery-status")).isTrue();
    assertThat(parts.getBodyPart(2).isMimeType("message/rfc822")).isTrue();

    assertThat(text(parts.getBodyPart(0)))
        .startsWith("This is the mail system at host mail.a.test.")
        .contains("could not be delivered")
        .contains("It's attached below.")
        .contains(
            "<joe@b.test>: host mx.b.test said: 550 5.1.1 <joe@b.test>: Recipient address"
                + "\r\n    rejected: User unknown");
  }

  @Test
  void theDeliveryStatusHasThePerMessageAndPerRecipientFields() throws Exception {
    ReportedRecipient local =
        ReportedRecipient.failed(
            "ann@b.test",
            "4.4.1",
            null,
            Diagnostic.local("connect to mx.b.test[192.0.2.7]:25: Connection timed out"),
            ATTEMPT);
    MimeMessage message =
        parse(
            bytes(
                failure(null).original(original(null, "QQ 314159+x=y")).recipient(local).build()));
    List<Map<String, String>> groups = groups(parts(message).getBodyPart(1));

    assertThat(groups).hasSize(3);
    assertThat(groups.get(0))
        .containsExactly(
            Map.entry("Original-Envelope-Id", "QQ+20314159+2Bx+3Dy"),
            Map.entry("Reporting-MTA", "dns; mail.a.test"),
            Map.entry("Arrival-Date", "Sat, 1 Mar 2025 18:58:00 +0900"));
    assertThat(groups.get(1))
        .containsExactly(
            Map.entry("Original-Recipient", "rfc822; Joe@B.test"),
            Map.entry("Final-Recipient", "rfc822; joe@b.test"),
            Map.entry("Action", "failed"),
            Map.entry("Status", "5.1.1"),
            Map.entry("Remote-MTA", "dns; mx.b.test"),
            Map.entry(
                "Diagnostic-Code",
                "smtp; 550 5.1.1 <joe@b.test>: Recipient address rejected: User unknown"),
            Map.entry("Last-Attempt-Date", "Sat, 1 Mar 2025 18:59:30 +0900"));
    assertThat(groups.get(2))
        .containsExactly(
            Map.entry("Final-Recipient", "rfc822; ann@b.test"),
            Map.entry("Action", "failed"),
            Map.entry("Status", "4.4.1"),
            Map.entry(
                "Diagnostic-Code",
                "X-Yubin; connect to mx.b.test[192.0.2.7]:25: Connection timed out"),
            Map.entry("Last-Attempt-Date", "Sat, 1 Mar 2025 18:59:30 +0900"));
    assertThat(text(parts(message).getBodyPart(0)))
        .contains("<ann@b.test>: connect to mx.b.test[192.0.2.7]:25: Connection timed out");
  }

  @Test
  void retFullOrNoRetReturnsTheWholeMessageByteForByteAsEightBit() throws Exception {
    for (Ret ret : new Ret[] {Ret.FULL, null}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DeliveryStatusNotification.Written written = failure(ret).build().writeTo(out);
      MimeMessage message = parse(out.toByteArray());
      BodyPart returned = parts(message).getBodyPart(2);

      assertThat(returned.isMimeType("message/rfc822")).isTrue();
      assertThat(returned.getHeader("Content-Transfer-Encoding")).containsExactly("8bit");
      assertThat(message.getHeader("Content-Transfer-Encoding", null)).isEqualTo("8bit");
      assertThat(written.eightBit()).isTrue();
      assertThat(written.smtpUtf8()).isFalse();
      assertThat(raw(returned)).isEqualTo(ORIGINAL.getBytes(StandardCharsets.UTF_8));
      MimeMessage inner = (MimeMessage) returned.getContent();
      assertThat(inner.getHeader("Subject", null)).isEqualTo("会議の件");
      assertThat(new String(inner.getRawInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("こんにちは。明日の会議は十時からです。");
    }
  }

  @Test
  void retHdrsReturnsOnlyTheHeaderSection() throws Exception {
    MimeMessage message = parse(bytes(failure(Ret.HDRS).build()));
    BodyPart returned = parts(message).getBodyPart(2);

    assertThat(returned.isMimeType("text/rfc822-headers")).isTrue();
    assertThat(text(returned)).isEqualTo(HEADER);
    assertThat(text(parts(message).getBodyPart(0))).contains("Its header section is attached");
  }

  @Test
  void aSevenBitOriginalIsLabelledSevenBit() throws Exception {
    Files.writeString(spool, "Subject: hi\r\n\r\nplain\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DeliveryStatusNotification.Written written = failure(null).build().writeTo(out);
    MimeMessage message = parse(out.toByteArray());

    assertThat(written.eightBit()).isFalse();
    assertThat(message.getHeader("Content-Transfer-Encoding", null)).isEqualTo("7bit");
    assertThat(parts(message).getBodyPart(2).getHeader("Content-Transfer-Encoding"))
        .containsExactly("7bit");
    assertThat(isAscii(out.toByteArray())).isTrue();
  }

  @Test
  void aMessageOverTheLimitComesBackAsItsHeaderSection() throws Exception {
    int size = ORIGINAL.getBytes(StandardCharsets.UTF_8).length;

    MimeMessage atLimit = parse(bytes(failure(null).returnLimit(size).build()));
    assertThat(parts(atLimit).getBodyPart(2).isMimeType("message/rfc822")).isTrue();

    MimeMessage over = parse(bytes(failure(null).returnLimit(size - 1).build()));
    BodyPart returned = parts(over).getBodyPart(2);
    assertThat(returned.isMimeType("text/rfc822-headers")).isTrue();
    assertThat(text(returned)).isEqualTo(HEADER);
    assertThat(text(parts(over).getBodyPart(0))).contains("too large to return");
  }

  /** 150 header fields of about 1 KiB each, some folded, as a reflection attack sends them. */
  private static String hugeHeader() {
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      header.append("X-Filler-").append(i).append(": ").append("x".repeat(500));
      header.append(i % 2 == 0 ? "\r\n\t" : " ").append("y".repeat(480)).append("\r\n");
    }
    return header.append("Subject: spam\r\n").toString();
  }

  @Test
  void aReturnedHeaderSectionIsCutAfterItsLastWholeFieldWithinTheLimit() throws Exception {
    String header = hugeHeader();
    Files.writeString(spool, header + "\r\nbody\r\n");
    for (DeliveryStatusNotification.Builder builder :
        List.of(
            failure(Ret.HDRS),
            failure(null), // small, yet its header section is too large to return whole
            DeliveryStatusNotification.builder(NotificationKind.DELAY, HOST)
                .original(original(null, null))
                .recipient(
                    ReportedRecipient.delayed(
                        "joe@b.test", "4.4.1", null, null, ATTEMPT, ATTEMPT.plusSeconds(3600)))
                .clock(CLOCK))) {
      byte[] report = bytes(builder.build());
      BodyPart returned = parts(parse(report)).getBodyPart(2);
      assertThat(returned.isMimeType("text/rfc822-headers")).isTrue();
      String text = text(returned);
      assertThat(text.length()).isLessThanOrEqualTo(DeliveryStatusNotification.HEADER_LIMIT);
      assertThat(text.length()).isGreaterThan(DeliveryStatusNotification.HEADER_LIMIT - 1000);
      assertThat(header).startsWith(text);
      assertThat(text).endsWith("y".repeat(480) + "\r\n");
      assertThat(header.substring(text.length())).startsWith("X-Filler-"); // a field boundary
      assertThat(report.length).isLessThan(3 * DeliveryStatusNotification.HEADER_LIMIT);
    }
  }

  @Test
  void aHugeOriginalIsNotReadToItsEnd() throws Exception {
    byte[] line =
        "0123456789012345678901234567890123456789012345678901234567890123456789\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(spool)) {
      out.write(HEADER.getBytes(StandardCharsets.UTF_8));
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 100_000; i++) { // 7 MB
        out.write(line);
      }
    }
    AtomicLong read = new AtomicLong();
    OriginalMessage.Content counting =
        () ->
            new FilterInputStream(Files.newInputStream(spool)) {
              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
              }
            };
    DeliveryStatusNotification dsn =
        DeliveryStatusNotification.builder(NotificationKind.FAILURE, HOST)
            .original(new OriginalMessage("taro@a.test", null, null, ARRIVAL, counting))
            .recipient(JOE)
            .clock(CLOCK)
            .build();

    MimeMessage message = parse(bytes(dsn));
    assertThat(text(parts(message).getBodyPart(2))).isEqualTo(HEADER);
    assertThat(read.get()).isLessThan(100_000);
  }

  @Test
  void aDelayWarningSaysUntilWhenAndReturnsHeadersEvenForRetFull() throws Exception {
    Instant until = Instant.parse("2025-03-06T09:58:00Z");
    ReportedRecipient slow =
        ReportedRecipient.delayed(
            "slow@c.test",
            "4.7.1",
            "mx.c.test",
            Diagnostic.smtp("451 4.7.1 Greylisted, try again later"),
            ATTEMPT,
            until);
    MimeMessage message =
        parse(
            bytes(
                DeliveryStatusNotification.builder(NotificationKind.DELAY, HOST)
                    .original(original(Ret.FULL, null))
                    .recipient(slow)
                    .clock(CLOCK)
                    .build()));

    assertThat(message.getSubject()).isEqualTo("Delayed Mail (still being retried)");
    MimeMultipart parts = parts(message);
    assertThat(text(parts.getBodyPart(0)))
        .contains("THIS IS A WARNING ONLY")
        .contains("<slow@c.test>: host mx.c.test said: 451 4.7.1 Greylisted")
        .contains("will retry until Thu, 6 Mar 2025 18:58:00 +0900");
    Map<String, String> recipient = groups(parts.getBodyPart(1)).get(1);
    assertThat(recipient)
        .containsEntry("Action", "delayed")
        .containsEntry("Status", "4.7.1")
        .containsEntry("Will-Retry-Until", "Thu, 6 Mar 2025 18:58:00 +0900");
    assertThat(parts.getBodyPart(2).isMimeType("text/rfc822-headers")).isTrue();
    assertThat(text(parts.getBodyPart(2))).isEqualTo(HEADER);
  }

  @Test
  void aSuccessReportSaysDeliveredAndReturnsHeaders() throws Exception {
    ReportedRecipient delivered =
        new ReportedRecipient(
            "hanako@b.test",
            null,
            DsnAction.DELIVERED,
            "2.0.0",
            "mx.b.test",
            Diagnostic.smtp("250 2.0.0 Ok: queued as 4Xyz"),
            ATTEMPT,
            null);
    MimeMessage message =
        parse(
            bytes(
                DeliveryStatusNotification.builder(NotificationKind.SUCCESS, HOST)
                    .original(original(Ret.FULL, null))
                    .recipient(delivered)
                    .clock(CLOCK)
                    .build()));

    assertThat(message.getSubject()).isEqualTo("Successful Mail Delivery Report");
    MimeMultipart parts = parts(message);
    assertThat(text(parts.getBodyPart(0))).contains("successfully delivered");
    assertThat(groups(parts.getBodyPart(1)).get(1)).containsEntry("Action", "delivered");
    assertThat(parts.getBodyPart(2).isMimeType("text/rfc822-headers")).isTrue();
  }

  @Test
  void utf8AddressesAreWrittenInAsciiInTheReportAndAsIsInTheText() throws Exception {
    ReportedRecipient utf8 =
        ReportedRecipient.failed("用户@例子.test", "5.1.1", "mx.例子.test", null, ATTEMPT);
    MimeMessage message =
        parse(
            bytes(
                DeliveryStatusNotification.builder(NotificationKind.FAILURE, HOST)
                    .original(original(Ret.HDRS, null))
                    .recipient(utf8)
                    .clock(CLOCK)
                    .build()));
    MimeMultipart parts = parts(message);

    assertThat(isAscii(raw(parts.getBodyPart(1)))).isTrue();
    assertThat(groups(parts.getBodyPart(1)).get(1))
        .containsEntry("Final-Recipient", "utf-8; \\x{7528}\\x{6237}@\\x{4F8B}\\x{5B50}.test")
        .containsEntry("Remote-MTA", "dns; mx.xn--fsqu00a.test");
    assertThat(parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("8bit");
    assertThat(text(parts.getBodyPart(0))).contains("<用户@例子.test>: delivery failed (status 5.1.1)");
  }

  @Test
  void aUtf8SenderNeedsSmtpUtf8() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DeliveryStatusNotification.Written written =
        DeliveryStatusNotification.builder(NotificationKind.FAILURE, HOST)
            .original(new OriginalMessage("太郎@a.test", null, null, ARRIVAL, spool))
            .recipient(JOE)
            .clock(CLOCK)
            .build()
            .writeTo(out);

    assertThat(written.smtpUtf8()).isTrue();
    assertThat(written.eightBit()).isTrue();
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
        .contains("\r\nTo: <太郎@a.test>\r\n");
  }

  @Test
  void longDiagnosticsAreFoldedAndNoLineIsLongerThan998Octets() throws Exception {
    String reply =
        "550 5.7.1 "
            + "Message rejected because of policy reasons ".repeat(20)
            + "see https://b.test/"
            + "x".repeat(1500);
    ReportedRecipient verbose =
        ReportedRecipient.failed(
            "joe@b.test", "5.7.1", "mx.b.test", Diagnostic.smtp(reply), ATTEMPT);
    byte[] message =
        bytes(
            DeliveryStatusNotification.builder(NotificationKind.FAILURE, HOST)
                .original(original(null, null))
                .recipient(verbose)
                .clock(CLOCK)
                .build());

    for (String line : new String(message, StandardCharsets.UTF_8).split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(998);
    }
    String diagnostic = groups(parts(parse(message)).getBodyPart(1)).get(1).get("Diagnostic-Code");
    assertThat(diagnostic).startsWith("smtp; 550 5.7.1 Message rejected");
    assertThat(diagnostic.replace(" ", "")).isEqualTo(("smtp;" + reply).replace(" ", ""));
  }

  @Test
  void theBoundaryNeverOccursInTheContent() throws Exception {
    Files.writeString(
        spool,
        "Subject: a bounce quoted in a bounce\r\n\r\n--=_taken\r\nContent-Type: text/plain\r\n"
            + "\r\nhi\r\n--=_taken--\r\n");
    Deque<String> candidates = new ArrayDeque<>(List.of("=_taken", "=_fresh"));
    byte[] message = bytes(failure(null).boundaries(candidates::poll).build());

    MimeMessage parsed = parse(message);
    assertThat(new ContentType(parsed.getContentType()).getParameter("boundary"))
        .isEqualTo("=_fresh");
    assertThat(parts(parsed).getCount()).isEqualTo(3);
    assertThat(new String(raw(parts(parsed).getBodyPart(2)), StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(spool));
  }

  @Test
  void aRandomBoundaryIsQuotedAndFresh() throws Exception {
    byte[] message = bytes(failure(null).build());
    String boundary = new ContentType(parse(message).getContentType()).getParameter("boundary");
    assertThat(boundary).startsWith("=_Yubin_").hasSizeLessThanOrEqualTo(70);
    assertThat(new String(message, StandardCharsets.UTF_8))
        .contains("boundary=\"" + boundary + "\"");
    assertThat(ORIGINAL).doesNotContain(boundary);
  }

  @Test
  void neverABounceForABounce() {
    assertThat(DeliveryStatusNotification.mayNotify("")).isFalse();
    assertThat(DeliveryStatusNotification.mayNotify("<>")).isFalse();
    assertThat(DeliveryStatusNotification.mayNotify(null)).isFalse();
    assertThat(DeliveryStatusNotification.mayNotify("taro@a.test")).isTrue();
    assertThat(DeliveryStatusNotification.mayNotify("MAILER-DAEMON@b.test")).isTrue();

    DeliveryStatusNotification.Builder toNull =
        DeliveryStatusNotification.builder(NotificationKind.FAILURE, HOST)
            .original(new OriginalMessage("", null, null, ARRIVAL, spool))
            .recipient(JOE);
    assertThatThrownBy(toNull::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aStatusMustFitItsAction() {
    assertThatThrownBy(() -> ReportedRecipient.failed("a@b.test", "2.0.0", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReportedRecipient.delayed("a@b.test", "5.1.1", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReportedRecipient.failed("a@b.test", "5.1", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
