package dev.yubin.protocol.smtp;

import java.util.List;

/**
 * The SMTP envelope of one message (RFC 5321 §2.3.1).
 *
 * @param reversePath the MAIL FROM address without angle brackets; {@code ""} for the null sender
 * @param recipients the accepted RCPT TO addresses without angle brackets, in order
 */
public record Envelope(String reversePath, List<String> recipients) {
  public Envelope {
    recipients = List.copyOf(recipients);
  }
}
