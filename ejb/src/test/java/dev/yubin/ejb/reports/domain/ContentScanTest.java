package dev.yubin.ejb.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentScanTest {

  private static ContentScan scan(String content, String boundary, long limit, int headerLimit)
      throws Exception {
    return ContentScan.of(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
        boundary.getBytes(StandardCharsets.US_ASCII),
        limit,
        headerLimit);
  }

  @Test
  void findsTheHeaderSectionWithoutItsBlankLine() throws Exception {
    String message = "From: a@a.test\r\nSubject: x\r\n\r\nbody\r\n";
    ContentScan s = scan(message, "=_b", 1000, 1000);
    assertThat(message.substring(0, (int) s.headerLength()))
        .isEqualTo("From: a@a.test\r\nSubject: x\r\n");
    assertThat(s.size()).isEqualTo(message.length());
    assertThat(s.tooLarge()).isFalse();
    assertThat(s.boundaryEnd()).isEqualTo(-1);
    assertThat(s.firstEightBit()).isEqualTo(-1);
  }

  @Test
  void aMessageWithoutHeaderOrWithoutBodyIsHandled() throws Exception {
    assertThat(scan("\r\nbody\r\n", "=_b", 1000, 1000).headerLength()).isZero();
    assertThat(scan("Subject: x\r\n", "=_b", 1000, 1000).headerLength()).isEqualTo(12);
  }

  @Test
  void anEndlessHeaderIsCutAtTheLastLineEndWithinTheLimit() throws Exception {
    String message = "X-A: 1234567\r\n".repeat(10); // 14 octets a line
    ContentScan s = scan(message, "=_b", 1000, 50);
    assertThat(s.headerLength()).isEqualTo(42);
  }

  @Test
  void aCutNeverSplitsAFoldedField() throws Exception {
    String message = "X-A: 1234567\r\nX-B: 1\r\n\t2345\r\n\t6789\r\nX-C: 1\r\n\r\nbody";
    ContentScan s = scan(message, "=_b", 1000, 30); // the limit falls inside X-B
    assertThat(s.headerLength()).isEqualTo(14);
    assertThat(s.headerComplete()).isFalse();
    assertThat(scan(message, "=_b", 1000, 1000).headerComplete()).isTrue();
  }

  @Test
  void findsTheBoundaryAndEightBitOctets() throws Exception {
    String message = "Subject: x\r\n\r\nab--=_=_bq\r\né\r\n";
    ContentScan s = scan(message, "=_=_b", 1000, 1000);
    assertThat(s.boundaryEnd()).isEqualTo(message.indexOf("=_=_b") + 5);
    assertThat(s.boundaryWithin(s.headerLength())).isFalse();
    assertThat(s.boundaryWithin(s.size())).isTrue();
    assertThat(s.eightBitWithin(s.headerLength())).isFalse();
    assertThat(s.eightBitWithin(s.size())).isTrue();
  }

  @Test
  void stopsReadingOncePastTheLimitAndTheHeader() throws Exception {
    String message = "Subject: x\r\n\r\n" + "0123456789\r\n".repeat(100_000);
    ContentScan s = scan(message, "=_b", 100, 1000);
    assertThat(s.tooLarge()).isTrue();
    assertThat(s.size()).isLessThan(message.length());
    assertThat(s.headerLength()).isEqualTo(12);
  }
}
