package dev.yubin.ejb.submission.application.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.api.FilterResult;
import dev.yubin.ejb.kernel.Origin;
import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.submission.domain.IncomingMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionHeaderFilterTest {

  @TempDir Path dir;

  private final SubmissionHeaderFilter filter = new SubmissionHeaderFilter();

  SubmissionHeaderFilterTest() {
    filter.settings =
        new YubinSettings() {
          @Override
          public String hostname() {
            return "mx.a.test";
          }
        };
  }

  private IncomingMessage message(String content, boolean submission) throws Exception {
    Path file = Files.writeString(dir.resolve("m"), content, StandardCharsets.UTF_8);
    return new IncomingMessage(
        file,
        4096,
        "x@a.test",
        List.of("y@b.test", "z@b.test"),
        Origin.smtp("127.0.0.1", null, "client", "ESMTP", submission ? "x@a.test" : null));
  }

  @Test
  void submissionLosesBccAndGainsMessageIdAndDate() throws Exception {
    IncomingMessage message =
        message("From: x@a.test\r\nTo: y@b.test\r\nBcc: z@b.test\r\n\r\nHi\r\n", true);
    assertThat(filter.filter(message)).isEqualTo(FilterResult.proceed());
    assertThat(message.headers().contains("Bcc")).isFalse();
    assertThat(message.headers().first("Message-ID"))
        .hasValueSatisfying(
            id -> assertThat(id).matches("<[0-9a-z]+\\.[0-9a-f]{24}@mx\\.a\\.test>"));
    assertThat(message.headers().first("Date")).isPresent();
    assertThat(message.recipients()).containsExactly("y@b.test", "z@b.test");
  }

  @Test
  void existingMessageIdAndDateAreKept() throws Exception {
    IncomingMessage message =
        message(
            "Message-ID: <1@a.test>\r\nDate: Fri, 27 Nov 2026 03:00:00 +0900\r\n\r\nHi\r\n", true);
    filter.filter(message);
    assertThat(message.headers().all("Message-ID")).containsExactly("<1@a.test>");
    assertThat(message.headers().all("Date")).containsExactly("Fri, 27 Nov 2026 03:00:00 +0900");
    assertThat(message.headers().modified()).isFalse();
  }

  @Test
  void mailFromMxIsUntouched() throws Exception {
    String content = "From: x@a.test\r\nBcc: z@b.test\r\n\r\nHi\r\n";
    IncomingMessage message = message(content, false);
    filter.filter(message);
    assertThat(new String(message.headerBytes(), StandardCharsets.UTF_8))
        .isEqualTo("From: x@a.test\r\nBcc: z@b.test\r\n\r\n");
  }
}
