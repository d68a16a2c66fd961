package dev.yubin.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

  @TempDir Path data;

  @Test
  void theIdentityIsTheOwnersAloneAndItsPasswordNeverOnACommandLine() throws Exception {
    TlsContext.Pkcs12 identity = SelfSignedCertificate.ensure(data, "mx.a.test");

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(identity.keyStore())) {
      store.load(in, identity.password()); // keytool got the password through its environment
    }
    assertThat(store.containsAlias("yubin")).isTrue();
    assertThat(mode(data.resolve("tls"))).isEqualTo("rwx------");
    assertThat(mode(identity.keyStore())).isEqualTo("rw-------");
    assertThat(mode(data.resolve("tls/selfsigned.password"))).isEqualTo("rw-------");
    assertThat(SelfSignedCertificate.command(identity.keyStore(), "mx.a.test"))
        .doesNotContain("-storepass", new String(identity.password()))
        .containsSubsequence("-storepass:env", SelfSignedCertificate.PASSWORD_VARIABLE);
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
