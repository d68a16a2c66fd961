package dev.yubin.connector;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;

/**
 * The server's TLS identity: a PEM certificate chain and key, or a PKCS#12 key store. When the
 * files change, the next handshake uses the new ones (checked at most every few seconds), so a
 * renewed certificate needs no restart. TLS 1.2 and 1.3 only, with forward-secret AEAD suites.
 */
final class TlsContext {

  private static final Logger LOG = Logger.getLogger(TlsContext.class.getName());
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);

  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
  static final List<String> CIPHERS =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  /** Where the identity comes from. */
  sealed interface Source {
    List<Path> files();

    SslContextBuilder builder() throws IOException, GeneralSecurityException;
  }

  /** A PEM certificate chain and a PKCS#8 PEM private key. */
  record Pem(Path certificateChain, Path privateKey) implements Source {
    @Override
    public List<Path> files() {
      return List.of(certificateChain, privateKey);
    }

    @Override
    public SslContextBuilder builder() {
      return SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile());
    }
  }

  /** A PKCS#12 key store holding one key entry. */
  record Pkcs12(Path keyStore, char[] password) implements Source {
    @Override
    public List<Path> files() {
      return List.of(keyStore);
    }

    @Override
    public SslContextBuilder builder() throws IOException, GeneralSecurityException {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        store.load(in, password);
      }
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      return SslContextBuilder.forServer(keys);
    }
  }

  private final Source source;
  private final Clock clock;
  private volatile SslContext context;
  private volatile List<Instant> loadedVersions;
  private volatile Instant nextCheck;

  TlsContext(Source source, Clock clock) {
    this.source = source;
    this.clock = clock;
    load();
  }

  /** A handler for one connection, with the current identity. */
  SslHandler newHandler(ByteBufAllocator allocator) {
    reloadIfChanged();
    SslHandler handler = context.newHandler(allocator);
    handler.setHandshakeTimeout(30, TimeUnit.SECONDS);
    return handler;
  }

  /** The modification times of the files the current identity was read from. */
  List<Instant> loadedFrom() {
    return loadedVersions;
  }

  private void reloadIfChanged() {
    Instant now = clock.instant();
    if (now.isBefore(nextCheck)) {
      return;
    }
    nextCheck = now.plus(CHECK_INTERVAL);
    try {
      if (!versions().equals(loadedVersions)) {
        load();
        LOG.info("TLS certificate reloaded from " + source.files());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "TLS certificate not reloaded; keeping the current one", e);
    }
  }

  private synchronized void load() {
    try {
      List<Instant> versions = versions();
      context =
          source
              .builder()
              .sslProvider(SslProvider.JDK)
              .protocols(PROTOCOLS)
              .ciphers(CIPHERS)
              .build();
      loadedVersions = versions;
      nextCheck = clock.instant().plus(CHECK_INTERVAL);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TLS identity " + source.files(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use the TLS identity " + source.files(), e);
    }
  }

  private List<Instant> versions() {
    return source.files().stream()
        .map(
            f -> {
              try {
                return Files.getLastModifiedTime(f).toInstant();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }
}
