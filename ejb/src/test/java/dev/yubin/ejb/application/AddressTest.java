package dev.yubin.ejb.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTest {

  @Test
  void normalizesCaseAndTrailingDot() {
    assertThat(Address.parse("Alice@Example.TEST.")).hasValue(new Address("alice", "example.test"));
  }

  @Test
  void splitsAtTheLastAt() {
    assertThat(Address.parse("\"a@b\"@c.test").map(Address::domain)).hasValue("c.test");
  }

  @Test
  void refusesWhatIsNoAddress() {
    assertThat(Address.parse("postmaster")).isEmpty();
    assertThat(Address.parse("@a.test")).isEmpty();
    assertThat(Address.parse("a@")).isEmpty();
    assertThat(Address.parse("a@.")).isEmpty();
  }
}
