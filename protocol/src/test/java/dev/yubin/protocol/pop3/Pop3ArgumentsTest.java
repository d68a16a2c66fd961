package dev.yubin.protocol.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Pop3ArgumentsTest {

  @Test
  void wordsAreSeparatedBySpaces() {
    assertThat(Pop3Arguments.words("")).isEmpty();
    assertThat(Pop3Arguments.words("   ")).isEmpty();
    assertThat(Pop3Arguments.words("1 10")).containsExactly("1", "10");
    assertThat(Pop3Arguments.words(" 1  10 ")).containsExactly("1", "10");
  }

  @Test
  void wrongNumberOfWordsIsASyntaxError() {
    assertThatThrownBy(() -> Pop3Arguments.expect("1", 2, 2, "TOP msg n"))
        .isInstanceOf(Pop3CommandException.class)
        .hasMessage("syntax: TOP msg n");
  }

  @Test
  void argumentsLongerThanFortyCharactersAreRefused() {
    assertThatThrownBy(() -> Pop3Arguments.expect("1".repeat(41), 1, 1, "RETR msg"))
        .hasMessage("argument too long");
    assertThat(Pop3Arguments.expect("0".repeat(39) + "1", 1, 1, "RETR msg")).hasSize(1);
  }

  @Test
  void messageNumbersAreDecimal() {
    assertThat(Pop3Arguments.messageNumber("7")).isEqualTo(7);
    assertThat(Pop3Arguments.messageNumber("007")).isEqualTo(7);
    assertThat(Pop3Arguments.messageNumber("0")).isZero();
    assertThatThrownBy(() -> Pop3Arguments.messageNumber("+7")).hasMessageContaining("invalid");
    assertThatThrownBy(() -> Pop3Arguments.messageNumber("1e3")).hasMessageContaining("invalid");
    assertThatThrownBy(() -> Pop3Arguments.messageNumber("12345678901"))
        .hasMessage("no such message");
  }

  @Test
  void hugeLineCountsMeanEverything() {
    assertThat(Pop3Arguments.lineCount("0")).isZero();
    assertThat(Pop3Arguments.lineCount("25")).isEqualTo(25);
    assertThat(Pop3Arguments.lineCount("9".repeat(30))).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> Pop3Arguments.lineCount("-1")).hasMessageContaining("invalid");
  }
}
