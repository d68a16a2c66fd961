package dev.yubin.protocol.imap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RangeInputStreamTest {

  private static RangeInputStream range(String text, long skip, long count) {
    return new RangeInputStream(new ByteArrayInputStream(text.getBytes(US_ASCII)), skip, count);
  }

  @Test
  void readsTheRangeOnly() throws IOException {
    assertThat(new String(range("0123456789", 2, 3).readAllBytes(), US_ASCII)).isEqualTo("234");
  }

  /**
   * The transport sizes its chunks by available() and takes a positive answer for more to come: a
   * range that ends before its stream must not count the octets after it.
   */
  @Test
  void availableCountsNothingPastTheRange() throws IOException {
    RangeInputStream range = range("0123456789", 2, 3);

    assertThat(range.available()).isEqualTo(3);
    assertThat(range.readNBytes(3)).hasSize(3);
    assertThat(range.available()).isZero();
    assertThat(range.read()).isEqualTo(-1);
  }
}
