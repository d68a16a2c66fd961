package dev.yubin.protocol.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * Identity, limits and policy of one SMTP listener. {@link #defaults} is the MX port (25): no AUTH,
 * like Postfix; {@link #submission} is the submission ports (587 with STARTTLS, 465 with implicit
 * TLS): AUTH required before MAIL, and only over TLS. The {@code with...} methods return a changed
 * copy.
 *
 * @param hostname our name in the greeting, the EHLO reply and 421 replies
 * @param maxMessageSize the largest message content accepted, in octets after dot-unstuffing (or
 *     the sum of BDAT chunks); advertised with SIZE (RFC 1870)
 * @param maxRecipients recipients accepted per transaction; RFC 5321 §4.5.3.1.8 asks for at least
 *     100
 * @param maxErrors error replies after which the session ends with 421 (Postfix's {@code
 *     smtpd_hard_error_limit})
 * @param commandTimeout the deadline for each whole command (see {@link
 *     dev.yubin.protocol.ProtocolSession#idleTimeout}); RFC 5321 §4.5.3.2.7 asks for at least 5
 *     minutes
 * @param dataTimeout the deadline for message content, which the transport extends as content
 *     arrives; the DATA block timeout of RFC 5321 §4.5.3.2.6, 3 minutes
 * @param tlsAvailable whether the transport can start TLS: STARTTLS is advertised and accepted
 *     before TLS (RFC 3207). Only the transport knows whether it has a TLS identity, so it is off
 *     unless set
 * @param authOffered whether AUTH is advertised and accepted (RFC 4954); off on the MX port
 * @param authRequired whether MAIL needs a successful AUTH first (530 5.7.0, RFC 4954 §6); implies
 *     {@code authOffered}
 * @param authRequiresTls whether AUTH is hidden and refused with 538 5.7.11 until the connection is
 *     protected by TLS (RFC 4954 §4 and §6), so that passwords never travel in clear
 */
public record SmtpConfig(
    String hostname,
    long maxMessageSize,
    int maxRecipients,
    int maxErrors,
    Duration commandTimeout,
    Duration dataTimeout,
    boolean tlsAvailable,
    boolean authOffered,
    boolean authRequired,
    boolean authRequiresTls) {

  public static final long DEFAULT_MAX_MESSAGE_SIZE = 35L * 1024 * 1024;
  public static final int DEFAULT_MAX_RECIPIENTS = 1000;
  public static final int DEFAULT_MAX_ERRORS = 20;
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration DEFAULT_DATA_TIMEOUT = Duration.ofMinutes(3);

  public SmtpConfig {
    Objects.requireNonNull(hostname, "hostname");
    if (hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException("hostname must be one printable US-ASCII word");
    }
    if (maxMessageSize <= 0 || maxRecipients <= 0 || maxErrors <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (commandTimeout.isNegative()
        || commandTimeout.isZero()
        || dataTimeout.isNegative()
        || dataTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (authRequired && !authOffered) {
      throw new IllegalArgumentException("AUTH cannot be required without being offered");
    }
  }

  /**
   * Whether DSN (RFC 3461) is advertised and its parameters (NOTIFY, ORCPT, RET, ENVID) accepted:
   * only where MAIL needs AUTH, so that reports go only where an authenticated user asked for them.
   * On the MX port anyone can forge the sender, and success reports or returned headers would
   * reflect mail to a victim; there DSN is neither advertised nor accepted (501 5.7.1), as Postfix
   * with {@code smtpd_discard_ehlo_keywords = dsn}. Failure reports still go to the reverse-path
   * there, as RFC 5321 §6.1 requires.
   */
  public boolean dsnOffered() {
    return authRequired;
  }

  /**
   * Limits with the MX policy: no TLS (until {@link #withTlsAvailable}), no AUTH, and AUTH over TLS
   * only should it be turned on.
   */
  public SmtpConfig(
      String hostname,
      long maxMessageSize,
      int maxRecipients,
      int maxErrors,
      Duration commandTimeout,
      Duration dataTimeout) {
    this(
        hostname,
        maxMessageSize,
        maxRecipients,
        maxErrors,
        commandTimeout,
        dataTimeout,
        false,
        false,
        false,
        true);
  }

  /**
   * The MX port (25): 35 MiB, 1000 recipients, 20 errors, 5 minutes per command, 3 in DATA; no
   * AUTH; STARTTLS once the transport turns it on with {@link #withTlsAvailable}.
   */
  public static SmtpConfig defaults(String hostname) {
    return new SmtpConfig(
        hostname,
        DEFAULT_MAX_MESSAGE_SIZE,
        DEFAULT_MAX_RECIPIENTS,
        DEFAULT_MAX_ERRORS,
        DEFAULT_COMMAND_TIMEOUT,
        DEFAULT_DATA_TIMEOUT);
  }

  /**
   * The submission ports (RFC 6409 on 587, RFC 8314 on 465): the default limits, STARTTLS available
   * (on 465 the connection is secure from the start, so it is not advertised), AUTH required before
   * MAIL and only over TLS.
   */
  public static SmtpConfig submission(String hostname) {
    return defaults(hostname).withTlsAvailable(true).withAuth(true, true);
  }

  public SmtpConfig withTlsAvailable(boolean available) {
    return new SmtpConfig(
        hostname,
        maxMessageSize,
        maxRecipients,
        maxErrors,
        commandTimeout,
        dataTimeout,
        available,
        authOffered,
        authRequired,
        authRequiresTls);
  }

  /**
   * @param offered whether AUTH is advertised and accepted
   * @param required whether MAIL needs AUTH first
   */
  public SmtpConfig withAuth(boolean offered, boolean required) {
    return new SmtpConfig(
        hostname,
        maxMessageSize,
        maxRecipients,
        maxErrors,
        commandTimeout,
        dataTimeout,
        tlsAvailable,
        offered,
        required,
        authRequiresTls);
  }

  /** Whether AUTH waits for TLS; turning it off is for tests and trusted networks only. */
  public SmtpConfig withAuthRequiresTls(boolean requiresTls) {
    return new SmtpConfig(
        hostname,
        maxMessageSize,
        maxRecipients,
        maxErrors,
        commandTimeout,
        dataTimeout,
        tlsAvailable,
        authOffered,
        authRequired,
        requiresTls);
  }
}
