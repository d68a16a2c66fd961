package dev.yubin.ejb.mailbox.domain.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5051 i;unicode-casemap: titlecase, then NFKD, then code point order. */
class CasemapTest {

  @Test
  void ignoresCaseAndFoldsCompatibilityForms() {
    assertThat(Casemap.key("Äpfel")).isEqualTo(Casemap.key("äPFEL"));
    assertThat(Casemap.key("ＲＥ: hello")).contains(Casemap.key("re:"));
    assertThat(Casemap.key("ｶﾞｲﾄﾞ")).isEqualTo(Casemap.key("ガイド"));
  }

  @Test
  void ordersByCodePointNotByUtf16Unit() {
    // U+E000 is below U+1F600, though its UTF-16 unit is above the surrogate U+D83D.
    assertThat(Casemap.compareKeys(Casemap.key("\uE000"), Casemap.key("\uD83D\uDE00")))
        .isNegative();
    assertThat(Casemap.compareKeys(Casemap.key("a"), Casemap.key("B"))).isNegative();
    assertThat(Casemap.compareKeys("", Casemap.key("a"))).isNegative();
    assertThat(Casemap.compareKeys(Casemap.key("abc"), Casemap.key("ABC"))).isZero();
  }
}
