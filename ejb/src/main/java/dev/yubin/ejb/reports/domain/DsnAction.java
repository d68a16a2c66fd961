package dev.yubin.ejb.reports.domain;

import java.util.Locale;

/**
 * What the reporting MTA did with one recipient: the value of the Action field.
 *
 * @see "RFC 3464 §2.3.3"
 */
public enum DsnAction {
  /** Could not be delivered; no further attempts. Status 5.x.x, or 4.x.x when retries expired. */
  FAILED,
  /** Not delivered yet; still being retried. Status 4.x.x. */
  DELAYED,
  /** Delivered to the recipient's mailbox. Status 2.x.x. */
  DELIVERED,
  /** Handed to a next hop that does not do DSN: no further reports will come. Status 2.x.x. */
  RELAYED,
  /** Delivered to an alias or list that forwards it to several addresses. Status 2.x.x. */
  EXPANDED;

  /** The field value: the name in lower case. */
  public String fieldValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Which kind of report this action belongs to. */
  public NotificationKind kind() {
    return switch (this) {
      case FAILED -> NotificationKind.FAILURE;
      case DELAYED -> NotificationKind.DELAY;
      case DELIVERED, RELAYED, EXPANDED -> NotificationKind.SUCCESS;
    };
  }
}
