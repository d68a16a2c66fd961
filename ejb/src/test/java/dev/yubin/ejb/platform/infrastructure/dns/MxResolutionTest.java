package dev.yubin.ejb.platform.infrastructure.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MxResolutionTest {

  static MailExchanger mx(String host, int preference, String... addresses) {
    return new MailExchanger(
        host,
        preference,
        25,
        Arrays.stream(addresses).map(MxResolutionTest::address).toList(),
        false);
  }

  static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<String> targets(MxResolution resolution) {
    return resolution.exchangers().stream()
        .flatMap(mx -> mx.targets().stream())
        .map(t -> t.host() + "/" + t.address().getHostAddress())
        .toList();
  }

  @Test
  void internalAddressesAreDroppedAndHostsWithoutOthersSkipped() {
    MxResolution resolution =
        MxResolution.routed(
            "b.test",
            List.of(
                mx("in.b.test", 10, "10.0.0.5", "127.0.0.1"),
                mx("mixed.b.test", 20, "192.168.0.9", "192.0.2.7"),
                mx("out.b.test", 30, "198.51.100.1")));

    MxResolution external = resolution.excludingInternal();

    assertThat(external.isRouted()).isTrue();
    assertThat(targets(external))
        .containsExactly("mixed.b.test/192.0.2.7", "out.b.test/198.51.100.1");
  }

  @Test
  void onlyInternalAddressesIsAPermanentFailureWithItsReason() {
    MxResolution literal =
        MxResolution.routed("[127.0.0.2]", List.of(mx("127.0.0.2", 0, "127.0.0.2")));

    MxResolution refused = literal.excludingInternal();

    assertThat(refused.outcome()).isEqualTo(MxResolution.Outcome.PERMANENT_FAILURE);
    assertThat(refused.failureReply().orElseThrow().toString())
        .startsWith("550 5.4.4 ")
        .contains("internal addresses only");
  }

  @Test
  void theAddressLimitKeepsTheFirstAddressesInOrder() {
    MxResolution resolution =
        MxResolution.routed(
            "b.test",
            List.of(
                mx("one.b.test", 10, "192.0.2.1", "192.0.2.2"),
                mx("two.b.test", 20, "192.0.2.3", "192.0.2.4"),
                mx("three.b.test", 30, "192.0.2.5")));

    assertThat(targets(resolution.limitedTo(3)))
        .containsExactly("one.b.test/192.0.2.1", "one.b.test/192.0.2.2", "two.b.test/192.0.2.3");
    assertThat(targets(resolution.limitedTo(5))).hasSize(5);
    assertThat(resolution.limitedTo(0)).isSameAs(resolution);
    assertThat(resolution.limitedTo(9)).isSameAs(resolution);
  }
}
