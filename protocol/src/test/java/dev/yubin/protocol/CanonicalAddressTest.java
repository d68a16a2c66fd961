package dev.yubin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalAddressTest {

  @Test
  void spellingsOfOneAddressHaveOneKey() {
    assertThat(CanonicalAddress.key("\"k\\ate\"@d")).isEqualTo("kate@d");
    assertThat(CanonicalAddress.key("kate@d.")).isEqualTo("kate@d");
    assertThat(CanonicalAddress.key("KATE@D")).isEqualTo("kate@d");
    assertThat(CanonicalAddress.key("\"Kate\"@D.")).isEqualTo("kate@d");
  }

  @Test
  void whitespaceOrControlsOutsideQuotesMakeNoAddress() {
    assertThat(CanonicalAddress.parse("kate@ d")).isEmpty();
    assertThat(CanonicalAddress.parse("kate@d ")).isEmpty();
    assertThat(CanonicalAddress.parse(" kate@d")).isEmpty();
    assertThat(CanonicalAddress.parse("kate@d\t")).isEmpty();
    assertThat(CanonicalAddress.parse("kate@d\u3000")).isEmpty();
    assertThat(CanonicalAddress.parse("ka\u0000te@d")).isEmpty();
    assertThat(CanonicalAddress.parse("\"ka\u0007te\"@d")).isEmpty();
    assertThat(CanonicalAddress.key("kate@ d"))
        .as("so it is not kate's key")
        .isNotEqualTo("kate@d");
  }

  @Test
  void aQuotedLocalPartKeepsOnlyTheQuotingItNeeds() {
    assertThat(CanonicalAddress.parse("\"John Doe\"@d").map(CanonicalAddress::localPart))
        .hasValue("\"john doe\"");
    assertThat(CanonicalAddress.parse("\"john\\ doe\"@d").map(CanonicalAddress::localPart))
        .hasValue("\"john doe\"");
    assertThat(CanonicalAddress.parse("\"a\\\"b\"@d").map(CanonicalAddress::localPart))
        .hasValue("\"a\\\"b\"");
    assertThat(CanonicalAddress.parse("\"a@b\"@d").map(CanonicalAddress::toString))
        .hasValue("\"a@b\"@d");
  }

  @Test
  void aNameThatIsNoAddressIsItsOwnBoundedKey() {
    assertThat(CanonicalAddress.key("Postmaster")).isEqualTo("postmaster");
    assertThat(CanonicalAddress.key("x".repeat(12_000))).hasSize(CanonicalAddress.MAX_KEY_LENGTH);
  }

  @Test
  void domainsCompareWithoutCaseAndTrailingDot() {
    assertThat(CanonicalAddress.domain("Example.TEST.")).isEqualTo("example.test");
    assertThat(CanonicalAddress.parse("a@.")).isEmpty();
    assertThat(CanonicalAddress.parse("@d")).isEmpty();
    assertThat(CanonicalAddress.parse("a@")).isEmpty();
  }
}
