package dev.yubin.ejb.reports.application;

import dev.yubin.ejb.kernel.Envelope;
import dev.yubin.ejb.kernel.Notify;
import dev.yubin.ejb.kernel.Origin;
import dev.yubin.ejb.kernel.OriginalRecipient;
import dev.yubin.ejb.kernel.Outcome;
import dev.yubin.ejb.kernel.Ret;
import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.relay.application.OutboundQueue;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.reports.domain.DeliveryStatusNotification;
import dev.yubin.ejb.reports.domain.Diagnostic;
import dev.yubin.ejb.reports.domain.DsnAction;
import dev.yubin.ejb.reports.domain.NotificationKind;
import dev.yubin.ejb.reports.domain.OriginalMessage;
import dev.yubin.ejb.reports.domain.ReportSelection;
import dev.yubin.ejb.reports.domain.ReportedRecipient;
import dev.yubin.ejb.submission.application.Spool;
import dev.yubin.ejb.submission.application.SpooledMessage;
import dev.yubin.ejb.submission.application.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells senders what became of their mail (RFC 3464 reports from MAILER-DAEMON with the null
 * reverse-path): recipients that failed for good (5xx, or retries expired), recipients still being
 * retried after the delay-warning time, and, for senders who asked NOTIFY=SUCCESS, recipients
 * delivered, expanded or relayed to a next hop without DSN. The null reverse-path means a report
 * never causes another. A report is submitted like any other message (origin {@code REPORT}): a
 * local sender finds it in their mailbox, a remote one gets it relayed through the queue.
 */
@ApplicationScoped
public class DeliveryNotifications {

  private static final Logger LOG = Logger.getLogger(DeliveryNotifications.class.getName());
  private static final Pattern STATUS = Pattern.compile("[45]\\.\\d{1,3}\\.\\d{1,3}");

  @Inject YubinSettings settings;
  @Inject Spool spool;
  @Inject Submission submission;
  @Inject OutboundQueue queue;

  /** Recipients of {@code entry} failed for good: the sender gets a failure report. */
  public void failed(QueueEntry entry, List<QueuedRecipient> failed) {
    Instant now = Instant.now();
    try {
      report(
          entry,
          NotificationKind.FAILURE,
          failed.stream().map(r -> outcome(r, failure(r, now))).toList(),
          () -> queue.open(entry.id()));
    } catch (IOException | RuntimeException e) {
      // The entry's state is already final; the operator finds the failure in the log and the
      // delivery events.
      LOG.log(
          Level.SEVERE, entry.id() + ": cannot report the failure to <" + entry.sender() + ">", e);
    }
  }

  /**
   * Recipients that submission refused for good at the end of DATA, after the others were stored
   * (the SMTP reply covers the whole message, so these can only be told by a report). Called inside
   * the delivery's transaction: a report for a local sender commits with it.
   *
   * @param entry the arrived message as a queue entry (never stored) with the refused recipients
   * @param content the message as received
   * @throws IOException when the report cannot be written or submitted: the message must not be
   *     accepted
   */
  public void refusedOnArrival(QueueEntry entry, List<QueuedRecipient> refused, Path content)
      throws IOException {
    Instant now = Instant.now();
    report(
        entry,
        NotificationKind.FAILURE,
        refused.stream().map(r -> outcome(r, failure(r, now))).toList(),
        OriginalMessage.Content.of(content));
  }

  /**
   * Recipients of {@code entry} are still being retried long after it arrived: the sender gets a
   * delay warning (RFC 3464 action "delayed"), once per entry, with the original's header section
   * only. Recipients without NOTIFY get one too, as with Sendmail; NOTIFY=NEVER or FAILURE asks for
   * none.
   *
   * @param until when the queue gives up on them (Will-Retry-Until)
   */
  public void delayed(QueueEntry entry, List<QueuedRecipient> pending, Instant until) {
    Instant now = Instant.now();
    try {
      report(
          entry,
          NotificationKind.DELAY,
          pending.stream().map(r -> outcome(r, delay(r, now, until))).toList(),
          () -> queue.open(entry.id()));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, entry.id() + ": cannot warn <" + entry.sender() + "> of the delay", e);
    }
  }

  /**
   * One recipient's success, for a sender who asked NOTIFY=SUCCESS (RFC 3461 §6.2): delivered to
   * its mailbox, expanded by an alias, or relayed to a next hop that does not do DSN (which will
   * send no report of its own).
   *
   * @param remoteMta the next hop, for relayed; null otherwise
   */
  public record Success(QueuedRecipient recipient, DsnAction action, String remoteMta) {}

  /**
   * Tells the sender of the recipients that succeeded, for those that asked NOTIFY=SUCCESS; the
   * others are left out, and nothing is sent when none asked.
   *
   * @param original the message as received
   */
  public void succeeded(QueueEntry entry, List<Success> successes, Path original)
      throws IOException {
    succeeded(entry, successes, OriginalMessage.Content.of(original));
  }

  private void succeeded(
      QueueEntry entry, List<Success> successes, OriginalMessage.Content original)
      throws IOException {
    Instant now = Instant.now();
    report(
        entry,
        NotificationKind.SUCCESS,
        successes.stream()
            .map(
                s ->
                    outcome(
                        s.recipient(),
                        withOrcpt(
                            new ReportedRecipient(
                                s.recipient().address(),
                                null,
                                s.action(),
                                "2.0.0",
                                s.remoteMta(),
                                null,
                                now,
                                null),
                            s.recipient())))
            .toList(),
        original);
  }

  /** As {@link #succeeded}, for a queue entry whose content is still queued; never throws. */
  public void succeeded(QueueEntry entry, List<Success> successes) {
    try {
      succeeded(entry, successes, () -> queue.open(entry.id()));
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING, entry.id() + ": cannot report the success to <" + entry.sender() + ">", e);
    }
  }

  private void report(
      QueueEntry entry,
      NotificationKind kind,
      List<ReportSelection.Outcome> outcomes,
      OriginalMessage.Content original)
      throws IOException {
    if (!DeliveryStatusNotification.mayNotify(entry.sender())) {
      LOG.info(entry.id() + ": no report for a message from the null sender");
      return;
    }
    List<ReportedRecipient> report =
        ReportSelection.select(entry.sender(), outcomes, true).of(kind);
    if (report.isEmpty()) {
      return; // NOTIFY=NEVER, or only other reports asked for
    }
    SpooledMessage message = spool.newMessage();
    try {
      try (OutputStream out = message.newOutputStream()) {
        DeliveryStatusNotification.builder(kind, settings.hostname())
            .original(
                new OriginalMessage(
                    entry.sender(),
                    entry.envelopeId(),
                    entry.ret() == null ? null : Ret.valueOf(entry.ret()),
                    entry.arrived(),
                    original))
            .recipients(report)
            .build()
            .writeTo(out);
      }
    } catch (IOException | RuntimeException e) {
      message.discard();
      throw e;
    }
    submit(entry, kind, message);
  }

  /**
   * Submits the report from the null reverse-path to the sender, like any other message: stored for
   * a local sender, queued for a remote one. A report refused for good (the sender's mailbox is
   * full, a filter rejects it) is dropped with a warning: nobody can be told of it, as no report is
   * ever made about a report.
   *
   * @throws IOException when submission cannot take it now
   */
  private void submit(QueueEntry entry, NotificationKind kind, SpooledMessage report)
      throws IOException {
    String reportId = report.queueId();
    Outcome outcome =
        submission.submit(Origin.report(), Envelope.of("", List.of(entry.sender())), report);
    if (outcome.isPermanentFailure()) {
      LOG.warning(entry.id() + ": report " + reportId + " refused for good, dropped: " + outcome);
      return;
    }
    if (!outcome.isAccepted()) {
      throw new IOException("report " + reportId + " not accepted now: " + outcome);
    }
    LOG.info(
        entry.id()
            + ": "
            + kind.name().toLowerCase(Locale.ROOT)
            + " report "
            + reportId
            + " submitted for <"
            + entry.sender()
            + ">");
  }

  private static ReportSelection.Outcome outcome(QueuedRecipient r, ReportedRecipient reported) {
    return new ReportSelection.Outcome(reported, notify(r));
  }

  private static ReportedRecipient failure(QueuedRecipient r, Instant now) {
    String status = statusOr(r, "5.0.0");
    return withOrcpt(
        ReportedRecipient.failed(
            r.address(), status, r.remoteMta(), diagnostic(r, "delivery failed"), now),
        r);
  }

  private static ReportedRecipient delay(QueuedRecipient r, Instant now, Instant until) {
    String status = statusOr(r, "4.0.0");
    return withOrcpt(
        ReportedRecipient.delayed(
            r.address(),
            status.startsWith("4.") ? status : "4.0.0",
            r.remoteMta(),
            diagnostic(r, "delivery deferred"),
            now,
            until),
        r);
  }

  private static String statusOr(QueuedRecipient r, String otherwise) {
    return r.lastStatus() != null && STATUS.matcher(r.lastStatus()).matches()
        ? r.lastStatus()
        : otherwise;
  }

  /** The remote server's reply, or (no remote MTA) our own explanation. */
  private static Diagnostic diagnostic(QueuedRecipient r, String otherwise) {
    String detail = r.lastError() == null ? otherwise : r.lastError();
    return r.remoteMta() != null ? Diagnostic.smtp(detail) : Diagnostic.local(detail);
  }

  private static ReportedRecipient withOrcpt(ReportedRecipient reported, QueuedRecipient r) {
    OriginalRecipient orcpt = OriginalRecipient.parse(r.originalRecipient());
    return orcpt == null ? reported : reported.withOriginalRecipient(orcpt);
  }

  private static Set<Notify> notify(QueuedRecipient r) {
    return r.notifyOn().stream().map(Notify::valueOf).collect(Collectors.toSet());
  }
}
