package dev.yubin.protocol.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModifiedUtf7Test {

  @Test
  void rfc3501Example() {
    String wire = "~peter/mail/&U,BTFw-/&ZeVnLIqe-";
    assertThat(ModifiedUtf7.decode(wire)).isEqualTo("~peter/mail/台北/日本語");
    assertThat(ModifiedUtf7.encode("~peter/mail/台北/日本語")).isEqualTo(wire);
  }

  @Test
  void ampersandAndSurrogates() {
    assertThat(ModifiedUtf7.encode("A&B")).isEqualTo("A&-B");
    assertThat(ModifiedUtf7.decode("A&-B")).isEqualTo("A&B");
    String emoji = "mail \uD83D\uDCE7";
    assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(emoji))).isEqualTo(emoji);
  }

  @Test
  void refusesWhatIsNotModifiedUtf7() {
    assertThatThrownBy(() -> ModifiedUtf7.decode("&AGE-"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModifiedUtf7.decode("&ZeVn"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModifiedUtf7.decode("caf\u00e9"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModifiedUtf7.decode("&Z/Vn-"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
