package dev.yubin.ejb.mailbox.domain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.domain.mime.MimeStructureParser;
import dev.yubin.ejb.mailbox.domain.mime.SearchFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a content row keeps of the Date field: its instant and its own offset. */
class MessageContentTest {

  private static MessageContent described(String date) throws IOException {
    String message = "Date: " + date + "\r\nSubject: x\r\n\r\nbody\r\n";
    SearchFields fields =
        new MimeStructureParser()
            .parse(new ByteArrayInputStream(message.getBytes(UTF_8)))
            .searchFields();
    MessageContent content =
        new MessageContent("key", "blobs/00/1", message.length(), OffsetDateTime.now());
    content.describe(new byte[0], fields);
    return content;
  }

  @Test
  void theSentDayIsTheDateFieldsOwnEvenWhereTheDatabaseKeepsOnlyTheInstant() throws IOException {
    MessageContent content = described("Fri, 2 Jan 2026 00:30:00 +0900");

    assertThat(content.getSentOffset()).isEqualTo(9 * 60);
    assertThat(content.getSentAt()).isEqualTo(OffsetDateTime.parse("2026-01-02T00:30+09:00"));
    // PostgreSQL hands TIMESTAMP WITH TIME ZONE back in UTC: 2026-01-01T15:30Z
    OffsetDateTime fromPostgres = content.getSentAt().withOffsetSameInstant(ZoneOffset.UTC);
    assertThat(MessageContent.sentAt(fromPostgres, content.getSentOffset()).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 1, 2));
  }

  @Test
  void westOfUtcTheDayIsTheFieldsToo() throws IOException {
    MessageContent content = described("Tue, 6 Jan 2026 23:30:00 -0500");

    assertThat(content.getSentOffset()).isEqualTo(-5 * 60);
    assertThat(content.getSentAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 6));
  }

  @Test
  void rowsStoredWithoutAnOffsetReadAsUtcAndNoDateIsNull() throws IOException {
    OffsetDateTime instant = OffsetDateTime.parse("2026-01-01T15:30Z");
    assertThat(MessageContent.sentAt(instant, null)).isEqualTo(instant);
    assertThat(MessageContent.sentAt(null, null)).isNull();
    assertThat(described("not a date").getSentOffset()).isNull();
  }
}
