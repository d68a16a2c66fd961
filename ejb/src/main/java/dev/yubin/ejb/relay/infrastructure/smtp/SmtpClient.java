package dev.yubin.ejb.relay.infrastructure.smtp;

import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Opens SMTP sessions to next hops and delivers messages through them. Blocking: it runs on the
 * caller's (container) thread; a scheduler only enforces write timeouts. Thread-safe; the
 * connections it opens are not.
 *
 * <pre>{@code
 * DeliveryReport report = client.deliver(target, settings, message);
 * // or, several messages to one destination:
 * try (SmtpConnection c = client.connect(target, settings)) {
 *   for (OutboundMessage m : batch) reports.add(c.send(m));
 * }
 * }</pre>
 */
public final class SmtpClient implements AutoCloseable {

  private final ScheduledExecutorService scheduler;
  private final boolean ownScheduler;
  private final SSLContext unverified;

  /** A client with its own timer thread (daemon), stopped by {@link #close}. */
  public SmtpClient() {
    this(
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "yubin-smtp-client-timer");
              t.setDaemon(true);
              return t;
            }),
        true);
  }

  /**
   * A client whose write timeouts run on the given scheduler (e.g. the container's {@code
   * ManagedScheduledExecutorService}), which {@link #close} leaves alone.
   */
  public SmtpClient(ScheduledExecutorService scheduler) {
    this(scheduler, false);
  }

  private SmtpClient(ScheduledExecutorService scheduler, boolean own) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.ownScheduler = own;
    this.unverified = unverifiedContext();
  }

  /**
   * Opens a session: connect, greeting, EHLO/HELO, STARTTLS per policy. Never throws for network or
   * protocol trouble: a failed session reports it from {@link SmtpConnection#send}. With {@link
   * TlsPolicy#OPPORTUNISTIC}, a failed TLS handshake is retried once without TLS.
   */
  public SmtpConnection connect(HostAndPort target, ClientSettings settings) {
    return connect(target, settings, Instant.MAX);
  }

  /**
   * As {@link #connect(HostAndPort, ClientSettings)}, no step waiting past {@code deadline} (see
   * {@link SmtpConnection#deadline}).
   */
  public SmtpConnection connect(HostAndPort target, ClientSettings settings, Instant deadline) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(settings, "settings");
    SmtpConnection connection = open(target, settings, deadline);
    if (settings.tlsPolicy() == TlsPolicy.OPPORTUNISTIC
        && connection.failureOutcome() == ConnectionOutcome.TLS_FAILED) {
      connection.close();
      connection = open(target, settings.withTlsPolicy(TlsPolicy.NONE), deadline);
    }
    return connection;
  }

  private SmtpConnection open(HostAndPort target, ClientSettings settings, Instant deadline) {
    SmtpConnection connection = new SmtpConnection(target, settings, scheduler, unverified);
    connection.deadline(deadline);
    connection.open();
    return connection;
  }

  /** Delivers one message over a session of its own, then QUITs. Never throws for trouble. */
  public DeliveryReport deliver(
      HostAndPort target, ClientSettings settings, OutboundMessage message) {
    Objects.requireNonNull(message, "message");
    try (SmtpConnection connection = connect(target, settings)) {
      return connection.send(message);
    }
  }

  @Override
  public void close() {
    if (ownScheduler) {
      scheduler.shutdownNow();
    }
  }

  /** Opportunistic TLS encrypts without checking the certificate (RFC 7435). */
  private static SSLContext unverifiedContext() {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Not a server.
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Opportunistic: any certificate is better than plain text.
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this JDK", e);
    }
  }
}
