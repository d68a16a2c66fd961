package dev.yubin.ejb.mailbox.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MessageCriteriaTest {

  @Test
  void uidRangesInAnyOrderOverlappingOrNestedHoldTheirUnion() {
    MessageCriteria.UidRanges ranges =
        new MessageCriteria.UidRanges(new long[] {20, 1, 3, 10}, new long[] {20, 8, 4, 12});
    assertThat(LongStream.rangeClosed(0, 22).filter(ranges::contains).toArray())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 20);
  }

  @Test
  void headerFieldNamesAreKeptInLowerCase() {
    assertThat(new MessageCriteria.Header("X-Mailer", "a").field()).isEqualTo("x-mailer");
  }
}
