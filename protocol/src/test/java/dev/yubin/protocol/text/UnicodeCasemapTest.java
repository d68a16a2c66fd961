package dev.yubin.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5051 i;unicode-casemap: titlecase, then NFKD, then code point order. */
class UnicodeCasemapTest {

  @Test
  void ignoresCase() {
    assertThat(UnicodeCasemap.key("Äpfel")).isEqualTo(UnicodeCasemap.key("äPFEL"));
    assertThat(UnicodeCasemap.contains("Bob Example <bob@example.test>", "EXAMPLE")).isTrue();
  }

  @Test
  void foldsCompatibilityForms() {
    assertThat(UnicodeCasemap.contains("ＲＥ: hello", "re:")).isTrue();
    assertThat(UnicodeCasemap.contains("ｶﾞｲﾄﾞ", "ガイド")).isTrue();
  }

  @Test
  void anEmptyNeedleIsEverywhere() {
    assertThat(UnicodeCasemap.contains("", "")).isTrue();
    assertThat(UnicodeCasemap.contains("x", "")).isTrue();
  }

  @Test
  void ordersByCodePointNotByUtf16Unit() {
    // U+E000 is below U+1F600, though its UTF-16 unit is above the surrogate U+D83D.
    assertThat(UnicodeCasemap.compare("\uE000", "\uD83D\uDE00")).isNegative();
    assertThat(UnicodeCasemap.compare("a", "B")).isNegative();
    assertThat(UnicodeCasemap.compare("", "a")).isNegative();
    assertThat(UnicodeCasemap.compare("abc", "ABC")).isZero();
  }
}
