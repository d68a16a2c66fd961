package dev.yubin.protocol.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class Pop3ConfigTest {

  @Test
  void defaultsFollowRfc1939() {
    Pop3Config config = Pop3Config.defaults("pop.test");
    assertThat(config.hostname()).isEqualTo("pop.test");
    assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.maxErrors()).isEqualTo(10);
    assertThat(config.userPassAllowed()).isTrue();
  }

  @Test
  void autologoutTimerShorterThanTenMinutesIsRefused() {
    assertThatThrownBy(
            () -> new Pop3Config("pop.test", Duration.ofMinutes(9), 10, true, false, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 minutes");
  }

  @Test
  void hostnameMustBeOneToken() {
    assertThatThrownBy(() -> Pop3Config.defaults("pop test"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pop3Config.defaults("pop.test\r\n+OK"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pop3Config.defaults("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maxErrorsMustBePositive() {
    assertThatThrownBy(() -> Pop3Config.defaults("pop.test").withMaxErrors(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
