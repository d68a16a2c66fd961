package dev.yubin.ejb.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.accounts.domain.MailDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

  @Test
  void eitherFormInAnyCaseGivesTheSameALabels() {
    assertThat(DomainName.toAscii("bücher.example")).hasValue("xn--bcher-kva.example");
    assertThat(DomainName.toAscii("Bücher.EXAMPLE.")).hasValue("xn--bcher-kva.example");
    assertThat(DomainName.toAscii("XN--BCHER-KVA.example")).hasValue("xn--bcher-kva.example");
    assertThat(DomainName.toAscii("bu\u0308cher.example")) // decomposed ü: NFC first
        .hasValue("xn--bcher-kva.example");
    assertThat(DomainName.toAscii("例え.テスト")).hasValue("xn--r8jz45g.xn--zckzah");
    assertThat(DomainName.toAscii("ｅｘａｍｐｌｅ。ｔｅｓｔ")).hasValue("example.test"); // UTS #46 maps
    assertThat(DomainName.toAscii("mail.example.test")).hasValue("mail.example.test");
  }

  @Test
  void processingIsNontransitionalAsIdna2008Asks() {
    assertThat(DomainName.toAscii("faß.de")).hasValue("xn--fa-hia.de"); // IDNA2003: fass.de
    assertThat(DomainName.toAscii("ς.example")).hasValue("xn--3xa.example");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", ".", "a..b", "-dash.example", "dash-.example", "under_score.example", "a b"})
  void refusesWhatIsNoDomainName(String name) {
    assertThat(DomainName.toAscii(name)).isEmpty();
  }

  @Test
  void showsULabels() {
    assertThat(DomainName.toUnicode("xn--bcher-kva.example")).isEqualTo("bücher.example");
    assertThat(DomainName.toUnicode("Example.TEST")).isEqualTo("example.test");
    assertThat(DomainName.toUnicode("xn--zz.example")).isEqualTo("xn--zz.example"); // no A-label
  }

  @Test
  void mailDomainsAreStoredByTheirALabels() {
    assertThat(MailDomain.normalize(" Bücher.Example. ")).isEqualTo("xn--bcher-kva.example");
    assertThat(new MailDomain("bücher.example").getName()).isEqualTo("xn--bcher-kva.example");
    assertThat(MailDomain.normalize("[192.0.2.1]")).isEqualTo("[192.0.2.1]");
    assertThat(MailDomain.normalize("Under_Score.example.")).isEqualTo("under_score.example");
  }
}
