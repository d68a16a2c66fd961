package dev.yubin.ejb.relay.infrastructure.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client context that trusts the certificates of one PEM file instead of the JDK's trust
 * store (as Postfix's {@code smtp_tls_CAfile} with {@code tls_append_default_CA = no}): for {@link
 * TlsPolicy#VERIFY} toward a private CA or a pinned self-signed certificate.
 */
public final class TrustAnchors {

  private TrustAnchors() {}

  /**
   * @throws IllegalArgumentException when the file cannot be read or holds no certificate
   */
  public static SSLContext fromPemFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + file);
      }
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int n = 0;
      for (Certificate certificate : certificates) {
        anchors.setCertificateEntry("ca-" + n++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read CA certificates from " + file + ": " + e, e);
    }
  }
}
