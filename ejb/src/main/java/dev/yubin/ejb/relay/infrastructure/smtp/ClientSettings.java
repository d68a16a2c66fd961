package dev.yubin.ejb.relay.infrastructure.smtp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How a session is conducted.
 *
 * @param heloName our host name, sent with EHLO and HELO
 * @param tlsPolicy the STARTTLS policy for this destination
 * @param timeouts per-step timeouts
 * @param trust the context whose trust managers check certificates under {@link TlsPolicy#VERIFY};
 *     empty means the JDK's default trust store
 * @param sourceAddress the local address to connect from; empty lets the system choose
 * @param rejectingGreetingIsPermanent when false (the default, as Postfix's {@code
 *     smtp_skip_5xx_greeting}), a 5xx greeting defers the recipients so that another MX host or a
 *     later attempt can take the mail; when true it fails them
 */
public record ClientSettings(
    String heloName,
    TlsPolicy tlsPolicy,
    Timeouts timeouts,
    Optional<SSLContext> trust,
    Optional<InetAddress> sourceAddress,
    boolean rejectingGreetingIsPermanent) {

  public ClientSettings {
    Objects.requireNonNull(heloName, "heloName");
    if (heloName.isBlank() || heloName.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
      throw new IllegalArgumentException("bad HELO name: " + heloName);
    }
    Objects.requireNonNull(tlsPolicy, "tlsPolicy");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(sourceAddress, "sourceAddress");
  }

  /** Opportunistic TLS, RFC timeouts, default trust, any source address. */
  public static ClientSettings defaults(String heloName) {
    return new ClientSettings(
        heloName,
        TlsPolicy.OPPORTUNISTIC,
        Timeouts.rfc5321(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  public ClientSettings withTlsPolicy(TlsPolicy policy) {
    return new ClientSettings(
        heloName, policy, timeouts, trust, sourceAddress, rejectingGreetingIsPermanent);
  }

  public ClientSettings withTimeouts(Timeouts other) {
    return new ClientSettings(
        heloName, tlsPolicy, other, trust, sourceAddress, rejectingGreetingIsPermanent);
  }

  public ClientSettings withTrust(SSLContext context) {
    return new ClientSettings(
        heloName,
        tlsPolicy,
        timeouts,
        Optional.of(context),
        sourceAddress,
        rejectingGreetingIsPermanent);
  }

  public ClientSettings withSourceAddress(InetAddress address) {
    return new ClientSettings(
        heloName, tlsPolicy, timeouts, trust, Optional.of(address), rejectingGreetingIsPermanent);
  }

  public ClientSettings withRejectingGreetingIsPermanent(boolean permanent) {
    return new ClientSettings(heloName, tlsPolicy, timeouts, trust, sourceAddress, permanent);
  }
}
