package dev.yubin.protocol.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * What one mail transaction gathers from MAIL to the end of DATA (RFC 5321 §3.3). The session drops
 * it as a whole on RSET, HELO/EHLO and after each message.
 */
final class MailTransaction {

  private final String reversePath;
  private final boolean smtpUtf8;
  private final DsnRequest dsn;
  private final List<Recipient> recipients = new ArrayList<>();
  private int recipientAttempts;
  private MessageSink chunkSink;
  private long chunkedSize;
  private boolean chunked;
  private final LineEndings chunkLineEndings = new LineEndings();

  MailTransaction(String reversePath, boolean smtpUtf8, DsnRequest dsn) {
    this.reversePath = reversePath;
    this.smtpUtf8 = smtpUtf8;
    this.dsn = dsn;
  }

  /** Whether MAIL carried SMTPUTF8 (RFC 6531 §3.4). */
  boolean smtpUtf8() {
    return smtpUtf8;
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

  void addRecipient(Recipient recipient) {
    recipients.add(recipient);
  }

  /** Whether BDAT has been used: DATA may not follow (RFC 3030 §2). */
  boolean isChunked() {
    return chunked;
  }

  /** The sink of the BDAT chunks so far, or null before the first accepted chunk. */
  MessageSink chunkSink() {
    return chunkSink;
  }

  /** Octets taken in BDAT chunks so far. */
  long chunkedSize() {
    return chunkedSize;
  }

  /** The line endings of all BDAT chunks so far. */
  LineEndings chunkLineEndings() {
    return chunkLineEndings;
  }

  void markChunked() {
    chunked = true;
  }

  void startChunking(MessageSink sink) {
    chunkSink = sink;
  }

  void addChunk(long size) {
    chunkedSize += size;
  }

  /** Hands the BDAT sink over for delivery; the transaction no longer owns it. */
  MessageSink takeChunkSink() {
    MessageSink sink = chunkSink;
    chunkSink = null;
    return sink;
  }

  /** The transaction ends without delivery: BDAT content is dropped. */
  void discard() {
    if (chunkSink != null) {
      chunkSink.discard();
      chunkSink = null;
    }
  }

  Envelope envelope() {
    return new Envelope(reversePath, recipients, smtpUtf8, dsn);
  }
}
