package dev.yubin.ejb.platform.infrastructure.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternalAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.0.0.2",
        "::1",
        "0.0.0.0",
        "0.1.2.3",
        "::",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.1.1",
        "169.254.169.254",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "fec0::1",
        "224.0.0.1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1"
      })
  void internal(String address) throws Exception {
    assertThat(InternalAddresses.isInternal(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.1",
        "8.8.8.8",
        "172.32.0.1",
        "172.15.255.255",
        "11.0.0.1",
        "2001:db8::1",
        "2a00:1450::1",
        "::ffff:8.8.8.8"
      })
  void external(String address) throws Exception {
    assertThat(InternalAddresses.isInternal(InetAddress.getByName(address))).isFalse();
  }
}
