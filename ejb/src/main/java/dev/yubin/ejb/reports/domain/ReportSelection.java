package dev.yubin.ejb.reports.domain;

import dev.yubin.ejb.kernel.Notify;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which recipients belong in which report, by each recipient's NOTIFY: NEVER asks for nothing;
 * FAILURE, DELAY and SUCCESS each ask for their report; no NOTIFY asks for failures, and for delay
 * warnings if we send those by default (RFC 3461 §4.1 leaves it to the MTA). The null sender gets
 * nothing at all.
 *
 * @param failures the recipients for a failure report (action failed)
 * @param delays the recipients for a delay warning (action delayed)
 * @param successes the recipients for a success report (delivered, relayed or expanded)
 * @see "RFC 3461 §4.1, §6.2"
 */
public record ReportSelection(
    List<ReportedRecipient> failures,
    List<ReportedRecipient> delays,
    List<ReportedRecipient> successes) {

  /** One recipient's outcome and its NOTIFY values (empty when NOTIFY was not given). */
  public record Outcome(ReportedRecipient recipient, Set<Notify> notifyOn) {
    public Outcome {
      Objects.requireNonNull(recipient, "recipient");
      notifyOn = Set.copyOf(notifyOn);
    }
  }

  public ReportSelection {
    failures = List.copyOf(failures);
    delays = List.copyOf(delays);
    successes = List.copyOf(successes);
  }

  /**
   * Sorts the outcomes into reports.
   *
   * @param sender the envelope sender; the null sender gets no report
   * @param outcomes the recipients' outcomes, in envelope order
   * @param delayWarningsByDefault whether recipients without NOTIFY get delay warnings
   */
  public static ReportSelection select(
      String sender, Collection<Outcome> outcomes, boolean delayWarningsByDefault) {
    List<ReportedRecipient> failures = new ArrayList<>();
    List<ReportedRecipient> delays = new ArrayList<>();
    List<ReportedRecipient> successes = new ArrayList<>();
    if (DeliveryStatusNotification.mayNotify(sender)) {
      for (Outcome o : outcomes) {
        NotificationKind kind = o.recipient().action().kind();
        if (wants(o.notifyOn(), kind, delayWarningsByDefault)) {
          switch (kind) {
            case FAILURE -> failures.add(o.recipient());
            case DELAY -> delays.add(o.recipient());
            case SUCCESS -> successes.add(o.recipient());
          }
        }
      }
    }
    return new ReportSelection(failures, delays, successes);
  }

  /**
   * Whether a recipient with these NOTIFY values asks for this kind of report.
   *
   * @param notify the NOTIFY values, empty when the parameter was absent
   */
  public static boolean wants(
      Set<Notify> notify, NotificationKind kind, boolean delayWarningsByDefault) {
    if (notify.isEmpty()) {
      return kind == NotificationKind.FAILURE
          || (kind == NotificationKind.DELAY && delayWarningsByDefault);
    }
    return !notify.contains(Notify.NEVER) && notify.contains(kind.requestedBy());
  }

  /** The recipients for one kind of report. */
  public List<ReportedRecipient> of(NotificationKind kind) {
    return switch (kind) {
      case FAILURE -> failures;
      case DELAY -> delays;
      case SUCCESS -> successes;
    };
  }

  /** Whether any report is due. */
  public boolean anyDue() {
    return !failures.isEmpty() || !delays.isEmpty() || !successes.isEmpty();
  }
}
