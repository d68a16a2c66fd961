package dev.yubin.ejb.reports.domain;

import dev.yubin.protocol.smtp.DsnNotify;

/**
 * The three reports a sender can ask for with NOTIFY, each with its own subject and its own rule
 * for what of the original message comes back.
 *
 * @see "RFC 3461 §4.1 (NOTIFY), §4.3 (RET)"
 */
public enum NotificationKind {
  FAILURE(DsnNotify.FAILURE, "Undelivered Mail Returned to Sender"),
  DELAY(DsnNotify.DELAY, "Delayed Mail (still being retried)"),
  SUCCESS(DsnNotify.SUCCESS, "Successful Mail Delivery Report");

  private final DsnNotify notify;
  private final String subject;

  NotificationKind(DsnNotify notify, String subject) {
    this.notify = notify;
    this.subject = subject;
  }

  /** The NOTIFY value that asks for this kind of report. */
  public DsnNotify requestedBy() {
    return notify;
  }

  /** The Subject of the report. */
  public String subject() {
    return subject;
  }
}
