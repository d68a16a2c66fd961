package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailDatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Mon, 7 Feb 1994 21:52:25 -0800 (PST)|1994-02-08T05:52:25Z",
        "Wed, 02 Jul 2025 08:30:00 GMT|2025-07-02T08:30:00Z",
        "1 Jan 2000 00:00 GMT|2000-01-01T00:00:00Z",
        "Fri, 21 Nov 97 09:55:06 GMT|1997-11-21T09:55:06Z",
        "Thu, 1 Jan 04 00:00:00 +0000|2004-01-01T00:00:00Z",
        "Tue, 1 Jan 104 00:00:00 +0000|2004-01-01T00:00:00Z",
        "7 Feb 1994 21:52:25 EST|1994-02-08T02:52:25Z",
        "7 Feb 1994 21:52:25 pdt|1994-02-08T04:52:25Z",
        "Mon Feb  7 21:52:25 1994|1994-02-07T21:52:25Z",
        "Thu, 10 Jul 2025 10:00:00 +0900 (JST)|2025-07-10T01:00:00Z",
        "Sat,12 Jul 2025 12:00:00 +0900|2025-07-12T03:00:00Z",
        "12 July 2025 12:00:00 Z|2025-07-12T12:00:00Z",
        "12 Jul 2025 12:00:60 +0000|2025-07-12T12:01:00Z",
      })
  void parses(String value, String instant) {
    assertThat(MailDates.parse(value).toInstant()).isEqualTo(Instant.parse(instant));
  }

  @Test
  void theFieldsOwnOffsetIsKept() {
    assertThat(MailDates.parse("Fri, 2 Jan 2026 00:30:00 +0900"))
        .isEqualTo(OffsetDateTime.parse("2026-01-02T00:30+09:00"));
    assertThat(MailDates.parse("Tue, 6 Jan 2026 23:30:00 EST"))
        .isEqualTo(OffsetDateTime.parse("2026-01-06T23:30-05:00"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "garbage", "32 Feb 2020 10:00:00 +0000", "1 Jan 2020", "1 Foo 2020 10:00"})
  void unparsableIsNull(String value) {
    assertThat(MailDates.parse(value)).isNull();
  }
}
