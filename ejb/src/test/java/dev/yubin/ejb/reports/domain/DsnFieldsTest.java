package dev.yubin.ejb.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.kernel.OriginalRecipient;
import org.junit.jupiter.api.Test;

class DsnFieldsTest {

  @Test
  void xtextEncodesPlusEqualsSpaceAndNonAsciiOctets() {
    assertThat(DsnFields.xtext("QQ314159")).isEqualTo("QQ314159");
    assertThat(DsnFields.xtext("a+b=c d")).isEqualTo("a+2Bb+3Dc+20d");
    assertThat(DsnFields.xtext("é")).isEqualTo("+C3+A9");
  }

  @Test
  void asciiAddressesAreRfc822AndOthersTheUtf8TypeInAsciiForm() {
    assertThat(DsnFields.address("joe@b.test")).isEqualTo("rfc822; joe@b.test");
    assertThat(DsnFields.address("用户@例子.test"))
        .isEqualTo("utf-8; \\x{7528}\\x{6237}@\\x{4F8B}\\x{5B50}.test");
    assertThat(DsnFields.utf8AddrXtext("a+b=c\\d@x")).isEqualTo("a\\x{2B}b\\x{3D}c\\x{5C}d@x");
  }

  @Test
  void originalRecipientKeepsItsTypeWhenAscii() {
    assertThat(DsnFields.originalRecipient(new OriginalRecipient("RFC822", "Joe@b.test")))
        .isEqualTo("rfc822; Joe@b.test");
    assertThat(DsnFields.originalRecipient(new OriginalRecipient("utf-8", "j\\x{F6}e@b.test")))
        .isEqualTo("utf-8; j\\x{F6}e@b.test");
    assertThat(DsnFields.originalRecipient(new OriginalRecipient("utf-8", "jöe@b.test")))
        .isEqualTo("utf-8; j\\x{F6}e@b.test");
  }

  @Test
  void freeTextBecomesAscii() {
    assertThat(DsnFields.ascii("550 5.1.1 ユーザー\r\nunknown\t!"))
        .isEqualTo("550 5.1.1 \\x{30E6}\\x{30FC}\\x{30B6}\\x{30FC}  unknown !");
  }

  @Test
  void shortFieldsStayOnOneLine() {
    assertThat(DsnFields.field("Status", "5.1.1")).isEqualTo("Status: 5.1.1\r\n");
  }

  @Test
  void longFieldsFoldAtSpacesAndUnfoldToTheValue() {
    String value = "smtp; 550 5.1.1 " + "word ".repeat(40).strip();
    String field = DsnFields.field("Diagnostic-Code", value);
    assertThat(field.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThan(79));
    assertThat(field.split("\r\n")).hasSizeGreaterThan(2);
    assertThat(field.replace("\r\n", "")).isEqualTo("Diagnostic-Code: " + value);
  }

  @Test
  void aWordLongerThanALineIsCut() {
    String word = "x".repeat(2500);
    String field = DsnFields.field("Diagnostic-Code", "smtp; " + word);
    String[] lines = field.split("\r\n");
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    assertThat(lines).hasSize(4);
    assertThat(field.replace("\r\n ", "").replace("\r\n", ""))
        .isEqualTo("Diagnostic-Code: smtp;" + word);
  }

  @Test
  void idnHostsBecomeALabels() {
    assertThat(DsnFields.host("mx.例え.jp")).isEqualTo("mx.xn--r8jz45g.jp");
    assertThat(DsnFields.host("mx.b.test")).isEqualTo("mx.b.test");
  }
}
