package dev.yubin.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufAllocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextTest {

  @TempDir Path first;
  @TempDir Path second;

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-11-27T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }
  }

  private static String commonName(Path store, char[] password) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      keys.load(in, password);
    }
    X509Certificate cert = (X509Certificate) keys.getCertificate("yubin");
    return cert.getSubjectX500Principal().getName();
  }

  @Test
  void onlyModernProtocolsAreEnabled() {
    TlsContext tls =
        new TlsContext(SelfSignedCertificate.ensure(first, "a.test"), Clock.systemUTC());
    SSLEngine engine = tls.newHandler(ByteBufAllocator.DEFAULT).engine();
    assertThat(engine.getEnabledProtocols()).containsOnly("TLSv1.3", "TLSv1.2");
    assertThat(engine.getEnabledCipherSuites())
        .allMatch(s -> s.contains("GCM") || s.contains("CHACHA20"));
  }

  @Test
  void aReplacedKeyStoreIsPickedUpWithoutRestart() throws Exception {
    TlsContext.Pkcs12 original = SelfSignedCertificate.ensure(first, "old.test");
    TlsContext.Pkcs12 renewed = SelfSignedCertificate.ensure(second, "new.test");
    Path live = first.resolve("live.p12");
    Files.copy(original.keyStore(), live);
    HandClock clock = new HandClock();
    TlsContext tls = new TlsContext(new TlsContext.Pkcs12(live, original.password()), clock);
    assertThat(commonName(live, original.password())).isEqualTo("CN=old.test");

    // Renewal: a new key and certificate under the configured password replace the file.
    KeyStore renewedStore = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(renewed.keyStore())) {
      renewedStore.load(in, renewed.password());
    }
    KeyStore replacement = KeyStore.getInstance("PKCS12");
    replacement.load(null, null);
    replacement.setKeyEntry(
        "yubin",
        renewedStore.getKey("yubin", renewed.password()),
        original.password(),
        renewedStore.getCertificateChain("yubin"));
    try (var out = Files.newOutputStream(live)) {
      replacement.store(out, original.password());
    }
    assertThat(commonName(live, original.password())).isEqualTo("CN=new.test");
    Files.setLastModifiedTime(live, FileTime.from(Instant.now().plusSeconds(60)));
    clock.advance(Duration.ofSeconds(10));

    assertThat(tls.newHandler(ByteBufAllocator.DEFAULT)).isNotNull();
    assertThat(tls.loadedFrom()).containsExactly(Files.getLastModifiedTime(live).toInstant());
  }

  @Test
  void aBrokenRenewalKeepsTheWorkingIdentity() throws Exception {
    TlsContext.Pkcs12 original = SelfSignedCertificate.ensure(first, "old.test");
    Path live = first.resolve("live.p12");
    Files.copy(original.keyStore(), live);
    HandClock clock = new HandClock();
    TlsContext tls = new TlsContext(new TlsContext.Pkcs12(live, original.password()), clock);
    var before = tls.loadedFrom();

    Files.writeString(live, "not a key store");
    Files.setLastModifiedTime(live, FileTime.from(Instant.now().plusSeconds(60)));
    clock.advance(Duration.ofSeconds(10));

    assertThat(tls.newHandler(ByteBufAllocator.DEFAULT)).isNotNull();
    assertThat(tls.loadedFrom()).isEqualTo(before);
  }

  @Test
  void aMissingIdentityIsAClearErrorAtStart() {
    assertThatThrownBy(
            () ->
                new TlsContext(
                    new TlsContext.Pkcs12(first.resolve("absent.p12"), new char[0]),
                    Clock.systemUTC()))
        .hasMessageContaining("absent.p12");
  }
}
