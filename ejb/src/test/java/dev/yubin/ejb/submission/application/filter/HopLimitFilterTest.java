package dev.yubin.ejb.submission.application.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.api.FilterResult;
import dev.yubin.ejb.kernel.Origin;
import dev.yubin.ejb.submission.domain.IncomingMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HopLimitFilterTest {

  @TempDir Path dir;

  private IncomingMessage withHops(int hops) throws Exception {
    String header = "Received: from a by b; Fri, 27 Nov 2026 03:00:00 +0000\r\n".repeat(hops);
    Path file =
        Files.writeString(
            dir.resolve("m" + hops), header + "Subject: x\r\n\r\nbody\r\n", StandardCharsets.UTF_8);
    return new IncomingMessage(
        file,
        64 * 1024,
        "x@a.test",
        List.of("y@b.test"),
        Origin.smtp("192.0.2.1", null, "a", "ESMTP", null));
  }

  @Test
  void aMessageUnderTheLimitPasses() throws Exception {
    HopLimitFilter filter = new HopLimitFilter();
    filter.hopLimit = 3;
    assertThat(filter.filter(withHops(2))).isEqualTo(FilterResult.proceed());
  }

  @Test
  void aLoopingMessageIsRefusedWith546() throws Exception {
    HopLimitFilter filter = new HopLimitFilter();
    filter.hopLimit = 3;
    FilterResult result = filter.filter(withHops(3));
    assertThat(result.action()).isEqualTo(FilterResult.Action.REJECT);
    assertThat(result.code()).isEqualTo(554);
    assertThat(result.status()).isEqualTo("5.4.6");
  }
}
