package dev.yubin.ejb.reports.domain;

import dev.yubin.ejb.kernel.Notify;

/**
 * The three reports a sender can ask for with NOTIFY, each with its own subject and its own rule
 * for what of the original message comes back.
 *
 * @see "RFC 3461 §4.1 (NOTIFY), §4.3 (RET)"
 */
public enum NotificationKind {
  FAILURE(Notify.FAILURE, "Undelivered Mail Returned to Sender"),
  DELAY(Notify.DELAY, "Delayed Mail (still being retried)"),
  SUCCESS(Notify.SUCCESS, "Successful Mail Delivery Report");

  private final Notify notify;
  private final String subject;

  NotificationKind(Notify notify, String subject) {
    this.notify = notify;
    this.subject = subject;
  }

  /** The NOTIFY value that asks for this kind of report. */
  public Notify requestedBy() {
    return notify;
  }

  /** The Subject of the report. */
  public String subject() {
    return subject;
  }
}
