package dev.yubin.protocol.smtp;

import dev.yubin.protocol.ConnectionInfo;
import java.time.Duration;

/** The configuration the tests share: small limits so that scripts stay short. */
final class TestSmtp {

  static final String HOSTNAME = "mx.example.test";
  static final ConnectionInfo CONNECTION =
      new ConnectionInfo("192.0.2.10", 40000, "192.0.2.1", 25, false);

  private TestSmtp() {}

  /** 300-octet messages, 3 recipients, 10 errors, the default timeouts. */
  static SmtpConfig config() {
    return new SmtpConfig(HOSTNAME, 300, 3, 10, Duration.ofMinutes(5), Duration.ofMinutes(3));
  }

  /** The MX limits with STARTTLS available. */
  static SmtpConfig tlsConfig() {
    return config().withTlsAvailable(true);
  }

  /** Submission: STARTTLS, AUTH required before MAIL, AUTH only over TLS. */
  static SmtpConfig submissionConfig() {
    return config().withTlsAvailable(true).withAuth(true, true);
  }

  /** AUTH offered in clear, for tests only. */
  static SmtpConfig cleartextAuthConfig() {
    return config().withAuth(true, false).withAuthRequiresTls(false);
  }

  static SmtpSessionFactory factory(InMemorySmtpBackend backend) {
    return new SmtpSessionFactory(config(), backend);
  }
}
