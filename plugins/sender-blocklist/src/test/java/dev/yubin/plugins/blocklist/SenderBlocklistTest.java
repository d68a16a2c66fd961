package dev.yubin.plugins.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderBlocklistTest {

  private final SenderBlocklist list = new SenderBlocklist(" spam@a.test, Bad.TEST ,,");

  @Test
  void blocksListedAddressesDomainsAndSubdomains() {
    assertThat(list.blocks("spam@a.test")).isTrue();
    assertThat(list.blocks("SPAM@A.test")).isTrue();
    assertThat(list.blocks("anyone@bad.test")).isTrue();
    assertThat(list.blocks("anyone@mx.bad.test")).isTrue();
  }

  @Test
  void letsOthersAndBouncesThrough() {
    assertThat(list.blocks("ham@a.test")).isFalse();
    assertThat(list.blocks("x@notbad.test")).isFalse();
    assertThat(list.blocks("")).isFalse();
    assertThat(new SenderBlocklist("").isEmpty()).isTrue();
  }
}
