package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderSectionTest {

  @Test
  void unfoldsAndDecodesEveryFieldUpToTheBlankLine() {
    byte[] header =
        ("X-Mailer: Old\r\n Mailer 1.0\r\n"
                + "Subject: =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=\r\n"
                + "X-Empty:\r\n"
                + "not a field\r\n"
                + "\r\n"
                + "Body: not a field\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(HeaderSection.parse(header))
        .containsExactly(
            new HeaderSection.Field("X-Mailer", "Old Mailer 1.0"),
            new HeaderSection.Field("Subject", "日本語"),
            new HeaderSection.Field("X-Empty", ""));
  }

  @Test
  void readsRawEightBitValuesAsUtf8OrLegacyJapanese() throws Exception {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.write("X-Utf8: 件名\nX-Sjis: ".getBytes(StandardCharsets.UTF_8));
    header.write("シフト".getBytes("windows-31j"));
    header.write("\n".getBytes(StandardCharsets.US_ASCII));
    List<HeaderSection.Field> fields = HeaderSection.parse(header.toByteArray());
    assertThat(fields)
        .containsExactly(
            new HeaderSection.Field("X-Utf8", "件名"), new HeaderSection.Field("X-Sjis", "シフト"));
  }
}
