package dev.yubin.ejb.relay.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.yubin.ejb.relay.infrastructure.smtp.TlsPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelaySettingsTest {

  static RelaySettings read(Map<String, String> keys) {
    return RelaySettings.from(key -> Optional.ofNullable(keys.get(key)));
  }

  @Test
  void defaults() {
    RelaySettings s = read(Map.of());

    assertThat(s.port()).isEqualTo(25);
    assertThat(s.mxAddressLimit()).isEqualTo(5);
    assertThat(s.attemptDeadline()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.allowInternalDestinations()).isFalse();
    assertThat(s.tls()).isEqualTo(TlsPolicy.OPPORTUNISTIC);
    assertThat(s.tlsFor("example.org")).isEqualTo(TlsPolicy.OPPORTUNISTIC);
    assertThat(s.smarthostTls()).isEqualTo(TlsPolicy.VERIFY);
    assertThat(s.caFile()).isEmpty();
    assertThat(s.retry().minimum()).isEqualTo(Duration.ofSeconds(300));
    assertThat(s.connectionReuse()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void tlsLevelsGloballyPerDomainAndForTheSmarthost() {
    RelaySettings s =
        read(
            Map.of(
                "yubin.relay.tls", "encrypt",
                "yubin.relay.tls.per-domain", " Bank.Example=verify, legacy.example.=none ,",
                "yubin.relay.smarthost.tls", "MAY",
                "yubin.relay.tls.ca-file", "/etc/yubin/ca.pem"));

    assertThat(s.tlsFor("example.org")).isEqualTo(TlsPolicy.REQUIRED);
    assertThat(s.tlsFor("bank.example")).isEqualTo(TlsPolicy.VERIFY);
    assertThat(s.tlsFor("BANK.example.")).isEqualTo(TlsPolicy.VERIFY);
    assertThat(s.tlsFor("legacy.example")).isEqualTo(TlsPolicy.NONE);
    assertThat(s.smarthostTls()).isEqualTo(TlsPolicy.OPPORTUNISTIC);
    assertThat(s.caFile()).contains(Path.of("/etc/yubin/ca.pem"));
  }

  @Test
  void limitsAndTheInternalSwitch() {
    RelaySettings s =
        read(
            Map.of(
                "yubin.relay.mx-address-limit", "2",
                "yubin.relay.attempt-deadline", "30",
                "yubin.relay.allow-internal-destinations", "true"));

    assertThat(s.mxAddressLimit()).isEqualTo(2);
    assertThat(s.attemptDeadline()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.allowInternalDestinations()).isTrue();
  }

  @Test
  void malformedValuesNameTheirKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("yubin.relay.tls", "dane")))
        .withMessageContaining("yubin.relay.tls")
        .withMessageContaining("none, may, encrypt or verify");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("yubin.relay.tls.per-domain", "example.org")))
        .withMessageContaining("yubin.relay.tls.per-domain");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("yubin.relay.allow-internal-destinations", "yes")))
        .withMessageContaining("yubin.relay.allow-internal-destinations");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("yubin.relay.mx-address-limit", "-1")))
        .withMessageContaining("yubin.relay.mx-address-limit");
  }
}
