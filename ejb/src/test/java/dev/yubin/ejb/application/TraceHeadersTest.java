package dev.yubin.ejb.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.protocol.ConnectionInfo;
import dev.yubin.protocol.smtp.SmtpSessionInfo;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {

  private static final ZonedDateTime WHEN =
      ZonedDateTime.of(2026, 11, 27, 3, 4, 5, 0, ZoneOffset.ofHours(9));

  private static SmtpSessionInfo session(String ip, boolean ehlo) {
    return new SmtpSessionInfo(
        new ConnectionInfo(ip, 40000, "127.0.0.1", 25, false), "client.a.test", ehlo, null);
  }

  @Test
  void receivedNamesClientUsProtocolIdRecipientAndDate() {
    assertThat(
            TraceHeaders.received(
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
  void plainSmtpAndIpv6AreNamedAsSuch() {
    String client = "unknown " + TraceHeaders.addressLiteral("2001:db8::1");
    assertThat(TraceHeaders.received(session("2001:db8::1", false), client, "mx", "Q", null, WHEN))
        .startsWith(
            "Received: from client.a.test (unknown [IPv6:2001:db8::1])\r\n"
                + "\tby mx (Yubin) with SMTP id Q;");
  }

  @Test
  void returnPathCarriesTheEnvelopeSenderOrNull() {
    assertThat(TraceHeaders.returnPath("x@a.test")).isEqualTo("Return-Path: <x@a.test>\r\n");
    assertThat(TraceHeaders.returnPath("")).isEqualTo("Return-Path: <>\r\n");
  }
}
