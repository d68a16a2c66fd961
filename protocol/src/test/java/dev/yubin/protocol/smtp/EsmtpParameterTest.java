package dev.yubin.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EsmtpParameterTest {

  @Test
  void parsesKeywordsInUpperCaseWithOptionalValues() {
    assertThat(EsmtpParameter.parseAll("size=1000  BODY=8BITMIME SMTPUTF8"))
        .contains(
            List.of(
                new EsmtpParameter("SIZE", "1000"),
                new EsmtpParameter("BODY", "8BITMIME"),
                new EsmtpParameter("SMTPUTF8", null)));
  }

  @Test
  void nothingIsAnEmptyList() {
    assertThat(EsmtpParameter.parseAll("")).contains(List.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1", "-SIZE=1", "SIZE=", "SIZE=a=b", "SI_ZE=1", "SIZE=\u00e9"})
  void rejectsMalformedParameters(String wire) {
    assertThat(EsmtpParameter.parseAll(wire)).isEmpty();
  }
}
