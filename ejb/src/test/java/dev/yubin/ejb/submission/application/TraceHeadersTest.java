package dev.yubin.ejb.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.kernel.Origin;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {

  private static final ZonedDateTime WHEN =
      ZonedDateTime.of(2026, 11, 27, 3, 4, 5, 0, ZoneOffset.ofHours(9));

  private static Origin session(String ip, boolean ehlo) {
    return session(ip, "client.a.test", ehlo);
  }

  private static Origin session(String ip, String helo, boolean ehlo) {
    return Origin.smtp(ip, null, helo, ehlo ? "ESMTP" : "SMTP", null);
  }

  /** The field for {@code session}'s client named {@code client}. */
  private static String received(
      Origin session,
      String client,
      String hostname,
      String queueId,
      String recipient,
      ZonedDateTime when) {
    Origin named =
        Origin.smtp(
            session.clientAddress(),
            client,
            session.heloName(),
            session.protocol(),
            session.authenticatedUser());
    return TraceHeaders.received(named, hostname, queueId, recipient, when);
  }

  private static void assertWellFormed(String field) {
    assertThat(field).endsWith("\r\n");
    for (String line : field.substring(0, field.length() - 2).split("\r\n", -1)) {
      assertThat(line).doesNotContain("\r", "\n");
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(998);
    }
    assertThat(field.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isPositive());
    assertThat(field.substring(field.indexOf("\r\n") + 2).split("\r\n"))
        .allSatisfy(line -> assertThat(line).startsWith("\t"));
  }

  @Test
  void receivedNamesClientUsProtocolIdRecipientAndDate() {
    assertThat(
            received(
                session("192.0.2.7", true),
                "mail.a.test [192.0.2.7]",
                "mx.b.test",
                "Q1",
                "y@b.test",
                WHEN))
        .isEqualTo(
            "Received: from client.a.test (mail.a.test [192.0.2.7])\r\n"
                + "\tby mx.b.test (Yubin) with ESMTP id Q1\r\n"
                + "\tfor <y@b.test>; Fri, 27 Nov 2026 03:04:05 +0900\r\n");
  }

  @Test
  void aReportWrittenHereHasNoFromClause() {
    assertThat(TraceHeaders.received(Origin.report(), "mx.b.test", "R1", "x@a.test", WHEN))
        .isEqualTo(
            "Received: by mx.b.test (Yubin) id R1\r\n"
                + "\tfor <x@a.test>; Fri, 27 Nov 2026 03:04:05 +0900\r\n");
  }

  @Test
  void plainSmtpAndIpv6AreNamedAsSuch() {
    String client = "unknown " + TraceHeaders.addressLiteral("2001:db8::1");
    assertThat(received(session("2001:db8::1", false), client, "mx", "Q", null, WHEN))
        .startsWith(
            "Received: from client.a.test (unknown [IPv6:2001:db8::1])\r\n"
                + "\tby mx (Yubin) with SMTP id Q;");
  }

  @Test
  void aForgedHeloOrClientNameCannotOpenOrCloseAComment() {
    String forged = "mail.bank.example (mail.bank.example [192.0.2.10]); Tue, 1 Jan 2030";
    String field =
        received(
            session("192.0.2.7", forged, true),
            "evil) (x [1.2.3.4]\r\nX-Injected: 1",
            "mx.b.test",
            "Q1",
            "y@b.test",
            WHEN);
    assertWellFormed(field);
    assertThat(field)
        .startsWith(
            "Received: from mail.bank.example??mail.bank.example?[192.0.2.10]???Tue??1?Jan?2030\r\n"
                + "\t(evil? ?x [1.2.3.4]??X-Injected: 1)\r\n\tby mx.b.test")
        .doesNotContain("\nX-Injected:");
    assertThat(field.chars().filter(c -> c == '(').count()).isEqualTo(2); // ours: client, Yubin
  }

  @Test
  void longLinesAreFoldedAndNoneExceeds998Octets() {
    String longHelo = ("a".repeat(63) + ".").repeat(4) + "test";
    String longRecipient = "\"" + "x".repeat(60) + "\"@" + "b".repeat(40) + ".test";
    String field =
        received(
            session("192.0.2.7", longHelo, true),
            "mail.a.test [192.0.2.7]",
            "mx.b.test",
            "Q1",
            longRecipient,
            WHEN);
    assertWellFormed(field);
    assertThat(field)
        .contains("\r\n\t(mail.a.test [192.0.2.7])\r\n")
        .contains("\tfor <" + longRecipient + ">;\r\n\tFri, 27 Nov 2026 03:04:05 +0900\r\n");

    String hugeRecipient = "x".repeat(990) + "@b.test";
    String without =
        received(session("192.0.2.7", true), "c [192.0.2.7]", "mx", "Q", hugeRecipient, WHEN);
    assertWellFormed(without);
    assertThat(without).as("a for-clause past 998 octets is left out").doesNotContain("for <");
  }

  @Test
  void returnPathCarriesTheEnvelopeSenderOrNull() {
    assertThat(TraceHeaders.returnPath("x@a.test")).isEqualTo("Return-Path: <x@a.test>\r\n");
    assertThat(TraceHeaders.returnPath("")).isEqualTo("Return-Path: <>\r\n");
  }
}
