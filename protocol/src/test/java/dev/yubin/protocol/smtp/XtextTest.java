package dev.yubin.protocol.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XtextTest {

  @Test
  void encodesPlusEqualsSpaceAndEveryNonAsciiOctet() {
    assertThat(Xtext.encode("a+b=c d\u00e9")).isEqualTo("a+2Bb+3Dc+20d+C3+A9");
  }

  @Test
  void decodesWhatItEncodes() {
    String value = "env-id+1=2 \u00e9";
    String octets = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

    assertThat(Xtext.decode(Xtext.encode(value))).hasValue(octets);
  }

  @Test
  void refusesWhatIsNoXtext() {
    assertThat(Xtext.decode("a=b")).isEmpty();
    assertThat(Xtext.decode("a+2")).isEmpty();
    assertThat(Xtext.decode("a+2b")).isEmpty();
    assertThat(Xtext.decode("a b")).isEmpty();
  }
}
