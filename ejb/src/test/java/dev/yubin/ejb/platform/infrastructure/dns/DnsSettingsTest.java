package dev.yubin.ejb.platform.infrastructure.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsSettingsTest {

  @Test
  void readsServersTimeoutsAndSmarthost() {
    Map<String, String> config =
        Map.of(
            "yubin.dns.servers", " 127.0.0.1:5353, ns.example.test ,[::1]:5300",
            "yubin.dns.timeout", "2",
            "yubin.dns.retries", "0",
            "yubin.relay.smarthost", "relay.example.test:587");

    DnsSettings s = DnsSettings.from(k -> Optional.ofNullable(config.get(k)));

    assertThat(s.servers())
        .containsExactly(
            HostAndPort.of("127.0.0.1", 5353),
            HostAndPort.of("ns.example.test", 53),
            HostAndPort.of("::1", 5300));
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.retries()).isZero();
    assertThat(s.smarthost()).contains(HostAndPort.of("relay.example.test", 587));
  }

  @Test
  void defaultsToTheSystemResolverAndNoSmarthost() {
    DnsSettings s = DnsSettings.from(k -> Optional.of(" "));

    assertThat(s).isEqualTo(DnsSettings.defaults());
    assertThat(s.servers()).isEmpty();
    assertThat(s.smarthost()).isEmpty();
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> DnsSettings.from(k -> Optional.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                DnsSettings.from(
                    k -> k.equals("yubin.dns.timeout") ? Optional.of("soon") : Optional.empty()))
        .hasMessageContaining("yubin.dns.timeout");
  }

  @Test
  void hostAndPortForms() {
    assertThat(HostAndPort.parse("Mail.Example.Test", 25))
        .isEqualTo(HostAndPort.of("mail.example.test", 25));
    assertThat(HostAndPort.parse("192.0.2.1:2525", 25))
        .isEqualTo(HostAndPort.of("192.0.2.1", 2525));
    assertThat(HostAndPort.parse("2001:db8::1", 25)).isEqualTo(HostAndPort.of("2001:db8::1", 25));
    assertThat(HostAndPort.parse("[2001:db8::1]:26", 25))
        .isEqualTo(HostAndPort.of("2001:db8::1", 26));
    assertThatThrownBy(() -> HostAndPort.parse("host:99999", 25))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostAndPort.parse("[::1", 25))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
