package dev.yubin.protocol.smtp;

import java.util.List;

/**
 * The SMTP envelope of one message (RFC 5321 §2.3.1) with the ESMTP parameters that travel with it.
 *
 * @param reversePath the MAIL FROM address without angle brackets; {@code ""} for the null sender
 * @param rcptTo the accepted recipients, in order, with their DSN parameters
 * @param smtpUtf8 whether MAIL carried SMTPUTF8: addresses and headers may be UTF-8 (RFC 6531)
 * @param dsn MAIL's RET and ENVID (RFC 3461); {@link DsnRequest#NONE} when absent
 */
public record Envelope(
    String reversePath, List<Recipient> rcptTo, boolean smtpUtf8, DsnRequest dsn) {

  public Envelope {
    rcptTo = List.copyOf(rcptTo);
  }

  /** An ASCII envelope without DSN parameters. */
  public Envelope(String reversePath, List<String> recipients) {
    this(reversePath, recipients.stream().map(Recipient::of).toList(), false, DsnRequest.NONE);
  }

  /** The recipient addresses without angle brackets, in order. */
  public List<String> recipients() {
    return rcptTo.stream().map(Recipient::address).toList();
  }
}
