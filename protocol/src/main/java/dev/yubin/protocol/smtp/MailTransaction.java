package dev.yubin.protocol.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * What one mail transaction gathers from MAIL to the end of DATA (RFC 5321 §3.3). The session drops
 * it as a whole on RSET, HELO/EHLO and after each message.
 */
final class MailTransaction {

  private final String reversePath;
  private final List<String> recipients = new ArrayList<>();
  private int recipientAttempts;

  MailTransaction(String reversePath) {
    this.reversePath = reversePath;
  }

  String reversePath() {
    return reversePath;
  }

  int recipientCount() {
    return recipients.size();
  }

  /** RCPT commands given in this transaction, accepted or not. */
  int recipientAttempts() {
    return recipientAttempts;
  }

  void countRecipientAttempt() {
    recipientAttempts++;
  }

  void addRecipient(String forwardPath) {
    recipients.add(forwardPath);
  }

  Envelope envelope() {
    return new Envelope(reversePath, recipients);
  }
}
