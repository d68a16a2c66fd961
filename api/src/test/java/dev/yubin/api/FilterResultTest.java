package dev.yubin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FilterResultTest {

  @Test
  void rejectionsArePermanentAndDeferralsTemporary() {
    assertThat(FilterResult.reject(554, "5.7.1", "No").action())
        .isEqualTo(FilterResult.Action.REJECT);
    assertThat(FilterResult.defer("Later").code()).isEqualTo(451);
    assertThatThrownBy(() -> FilterResult.reject(451, "4.7.1", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FilterResult(FilterResult.Action.DEFER, 550, "5.0.0", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replyTextCannotSmuggleLines() {
    assertThatThrownBy(() -> FilterResult.reject(554, "5.7.1", "a\r\n250 ok"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
