package dev.yubin.ejb.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTest {

  @Test
  void normalizesCaseAndTrailingDot() {
    assertThat(Address.parse("Alice@Example.TEST.")).hasValue(new Address("alice", "example.test"));
  }

  @Test
  void internationalAddressesAreKeyedInNfcWithALabels() {
    Address expected = new Address("jörg", "xn--bcher-kva.example");
    assertThat(Address.parse("Jörg@Bücher.example")).hasValue(expected);
    assertThat(Address.parse("jo\u0308rg@xn--bcher-kva.example")).hasValue(expected);
    assertThat(Address.parse("JÖRG@bu\u0308cher.EXAMPLE.")).hasValue(expected);
  }

  @Test
  void splitsAtTheLastAt() {
    assertThat(Address.parse("\"a@b\"@c.test").map(Address::domain)).hasValue("c.test");
  }

  @Test
  void aQuotedLocalPartThatNeedsNoQuotesIsTheSameAddressWithout() {
    assertThat(Address.parse("\"Bob\"@b.test")).hasValue(new Address("bob", "b.test"));
    assertThat(Address.parse("\"bob.smith+tag\"@b.test").map(Address::localPart))
        .hasValue("bob.smith+tag");
    assertThat(Address.parse("\"b\\ob\"@b.test").map(Address::localPart)).hasValue("bob");
  }

  @Test
  void aQuotedLocalPartThatNeedsItsQuotesKeepsThem() {
    assertThat(Address.parse("\"user@b.test\"@a.test").map(Address::localPart))
        .hasValue("\"user@b.test\"");
    assertThat(Address.parse("\"john doe\"@a.test").map(Address::localPart))
        .hasValue("\"john doe\"");
    assertThat(Address.parse("\"a..b\"@a.test").map(Address::localPart)).hasValue("\"a..b\"");
    assertThat(Address.parse("\"\"@a.test").map(Address::localPart)).hasValue("\"\"");
  }

  @Test
  void refusesWhatIsNoAddress() {
    assertThat(Address.parse("postmaster")).isEmpty();
    assertThat(Address.parse("@a.test")).isEmpty();
    assertThat(Address.parse("a@")).isEmpty();
    assertThat(Address.parse("a@.")).isEmpty();
    assertThat(Address.parse("a@ b.test")).as("whitespace outside quotes").isEmpty();
  }

  @Test
  void refusesWhatNoPathCouldCarry() {
    String domain = "@" + "d".repeat(60) + ".test";
    String longest = "a".repeat(Address.MAX_LENGTH - domain.length()) + domain;

    assertThat(Address.parse(longest)).isPresent();
    assertThat(Address.parse("a" + longest)).isEmpty();
    assertThat(Address.parse("a".repeat(400) + "@example.test")).isEmpty();
  }
}
