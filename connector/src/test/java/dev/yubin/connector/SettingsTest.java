package dev.yubin.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @AfterEach
  void clear() {
    System.clearProperty("yubin.test.port");
  }

  @Test
  void systemPropertyWinsOverConfiguredValueAndDefault() {
    System.setProperty("yubin.test.port", "2626");
    assertThat(Settings.integer("yubin.test.port", 2727, 2828)).isEqualTo(2626);
  }

  @Test
  void configuredValueWinsOverDefault() {
    assertThat(Settings.integer("yubin.test.port", 2727, 2828)).isEqualTo(2727);
    assertThat(Settings.integer("yubin.test.port", null, 2828)).isEqualTo(2828);
    assertThat(Settings.string("yubin.test.port", " ", "x")).isEqualTo("x");
  }

  @Test
  void aNonNumberIsAClearError() {
    System.setProperty("yubin.test.port", "twenty");
    assertThatThrownBy(() -> Settings.integer("yubin.test.port", null, 1))
        .hasMessageContaining("yubin.test.port");
  }
}
