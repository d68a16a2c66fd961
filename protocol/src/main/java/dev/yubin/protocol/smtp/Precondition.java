package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import java.util.function.Predicate;

/**
 * A rule about the order of commands (RFC 5321 §4.1.4) that a command declares instead of checking
 * it itself. The session checks a command's preconditions in order and answers 503 5.5.1 with the
 * first one that fails.
 */
enum Precondition {
  /** HELO or EHLO came first. */
  GREETED(session -> session.state() != SmtpState.CONNECTED, "Error: send HELO/EHLO first"),
  /** No mail transaction is open. */
  NO_TRANSACTION(session -> session.transaction() == null, "Error: nested MAIL command"),
  /** A mail transaction is open. */
  TRANSACTION(session -> session.transaction() != null, "Error: need MAIL command"),
  /** RCPT was tried in the open transaction; comes after {@link #TRANSACTION}. */
  RECIPIENT_TRIED(
      session -> session.transaction().recipientAttempts() > 0, "Error: need RCPT command");

  private final Predicate<SmtpSession> check;
  private final Reply failure;

  Precondition(Predicate<SmtpSession> check, String text) {
    this.check = check;
    this.failure = SmtpReplies.badSequence(text);
  }

  boolean isMetBy(SmtpSession session) {
    return check.test(session);
  }

  Reply failure() {
    return failure;
  }
}
