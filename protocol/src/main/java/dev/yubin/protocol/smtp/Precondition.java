package dev.yubin.protocol.smtp;

import dev.yubin.protocol.Reply;
import java.util.function.Predicate;

/**
 * A rule about the order of commands (RFC 5321 §4.1.4) or the session's policy that a command
 * declares instead of checking it itself. The session checks a command's preconditions in order and
 * answers with the first failure: 503 5.5.1 for order, 530 5.7.0 for missing AUTH.
 */
enum Precondition {
  /** HELO or EHLO came first. */
  GREETED(session -> session.state() != SmtpState.CONNECTED, "Error: send HELO/EHLO first"),
  /** No mail transaction is open. */
  NO_TRANSACTION(session -> session.transaction() == null, "Error: nested MAIL command"),
  /** No mail transaction is open, for commands other than MAIL (STARTTLS, AUTH). */
  OUTSIDE_TRANSACTION(
      session -> session.transaction() == null, "Error: MAIL transaction in progress"),
  /** A mail transaction is open. */
  TRANSACTION(session -> session.transaction() != null, "Error: need MAIL command"),
  /** RCPT was tried in the open transaction; comes after {@link #TRANSACTION}. */
  RECIPIENT_TRIED(
      session -> session.transaction().recipientAttempts() > 0, "Error: need RCPT command"),
  /** No successful AUTH yet (RFC 4954 §4: AUTH is refused once the client is authenticated). */
  NOT_AUTHENTICATED(session -> !session.isAuthenticated(), "Error: already authenticated"),
  /** AUTH succeeded, if the configuration requires it for mail (RFC 4954 §6). */
  AUTHENTICATED_IF_REQUIRED(
      session -> !session.config().authRequired() || session.isAuthenticated(),
      SmtpReplies.AUTH_REQUIRED);

  private final Predicate<SmtpSession> check;
  private final Reply failure;

  Precondition(Predicate<SmtpSession> check, String text) {
    this(check, SmtpReplies.badSequence(text));
  }

  Precondition(Predicate<SmtpSession> check, Reply failure) {
    this.check = check;
    this.failure = failure;
  }

  boolean isMetBy(SmtpSession session) {
    return check.test(session);
  }

  Reply failure() {
    return failure;
  }
}
