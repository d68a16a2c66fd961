package dev.yubin.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeloNameTest {

  private static final String LABEL_63 =
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mail.example.test",
        "localhost",
        "mail.example.test.",
        "DESKTOP_42",
        "192.0.2.10",
        "xn--bcher-kva.example",
        "[192.0.2.10]",
        "[IPv6:2001:db8::1]",
        "[2001:db8::1]",
        LABEL_63 + ".test",
        LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + "." + LABEL_63 // 255 octets
      })
  void acceptsDomainsAndAddressLiterals(String name) {
    assertThat(HeloName.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mail.bank.example (mail.bank.example [192.0.2.10]); Tue, 1 Jan 2030",
        "two words",
        "host(x)",
        "-dash.test",
        "dash-.test",
        "a..b",
        ".",
        "..",
        "a" + "a" + LABEL_63,
        LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + ".a",
        "[192.0.2.300]",
        "[192.0.2.10",
        "[]",
        "<mail.example.test>",
        "mail.example.test;"
      })
  void refusesTheRest(String name) {
    assertThat(HeloName.isValid(name)).isFalse();
  }
}
