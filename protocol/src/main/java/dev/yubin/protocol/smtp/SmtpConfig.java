package dev.yubin.protocol.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * Identity and limits of the SMTP service.
 *
 * @param hostname our name in the greeting, the EHLO reply and 421 replies
 * @param maxMessageSize the largest message content accepted, in octets after dot-unstuffing;
 *     advertised with SIZE (RFC 1870)
 * @param maxRecipients recipients accepted per transaction; RFC 5321 §4.5.3.1.8 asks for at least
 *     100
 * @param maxErrors error replies after which the session ends with 421 (Postfix's {@code
 *     smtpd_hard_error_limit})
 * @param commandTimeout how long to wait for the next command; RFC 5321 §4.5.3.2.7 asks for at
 *     least 5 minutes
 * @param dataTimeout how long to wait for more message content; the DATA block timeout of RFC 5321
 *     §4.5.3.2.6, 3 minutes
 */
public record SmtpConfig(
    String hostname,
    long maxMessageSize,
    int maxRecipients,
    int maxErrors,
    Duration commandTimeout,
    Duration dataTimeout) {

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
  }

  /** The defaults: 35 MiB, 1000 recipients, 20 errors, 5 minutes per command, 3 in DATA. */
  public static SmtpConfig defaults(String hostname) {
    return new SmtpConfig(
        hostname,
        DEFAULT_MAX_MESSAGE_SIZE,
        DEFAULT_MAX_RECIPIENTS,
        DEFAULT_MAX_ERRORS,
        DEFAULT_COMMAND_TIMEOUT,
        DEFAULT_DATA_TIMEOUT);
  }
}
