package dev.yubin.ejb.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.kernel.Notify;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportSelectionTest {

  private static final Instant WHEN = Instant.parse("2025-03-01T10:00:00Z");

  private static final ReportedRecipient FAILED =
      ReportedRecipient.failed("f@b.test", "5.1.1", "mx.b.test", null, WHEN);
  private static final ReportedRecipient DELAYED =
      ReportedRecipient.delayed("d@b.test", "4.4.1", null, null, WHEN, WHEN.plusSeconds(86400));
  private static final ReportedRecipient DELIVERED =
      new ReportedRecipient("s@b.test", null, DsnAction.DELIVERED, "2.0.0", null, null, WHEN, null);
  private static final ReportedRecipient RELAYED =
      new ReportedRecipient("r@c.test", null, DsnAction.RELAYED, "2.0.0", null, null, WHEN, null);

  private static List<ReportSelection.Outcome> all(Set<Notify> notify) {
    return List.of(FAILED, DELAYED, DELIVERED, RELAYED).stream()
        .map(r -> new ReportSelection.Outcome(r, notify))
        .toList();
  }

  @Test
  void withoutNotifyOnlyFailuresAreReportedAndDelaysWhenWeWarnByDefault() {
    ReportSelection quiet = ReportSelection.select("a@a.test", all(Set.of()), false);
    assertThat(quiet.failures()).containsExactly(FAILED);
    assertThat(quiet.delays()).isEmpty();
    assertThat(quiet.successes()).isEmpty();
    assertThat(quiet.anyDue()).isTrue();

    ReportSelection warning = ReportSelection.select("a@a.test", all(Set.of()), true);
    assertThat(warning.failures()).containsExactly(FAILED);
    assertThat(warning.delays()).containsExactly(DELAYED);
    assertThat(warning.successes()).isEmpty();
  }

  @Test
  void neverAsksForNothing() {
    ReportSelection selection = ReportSelection.select("a@a.test", all(Set.of(Notify.NEVER)), true);
    assertThat(selection.anyDue()).isFalse();
  }

  @Test
  void successOnlyReportsDeliveredAndRelayedButNotTheFailure() {
    ReportSelection selection =
        ReportSelection.select("a@a.test", all(Set.of(Notify.SUCCESS)), true);
    assertThat(selection.successes()).containsExactly(DELIVERED, RELAYED);
    assertThat(selection.failures()).isEmpty();
    assertThat(selection.delays()).isEmpty();
    assertThat(selection.of(NotificationKind.SUCCESS)).containsExactly(DELIVERED, RELAYED);
  }

  @Test
  void failureAndDelayAreReportedEvenWhenWeDoNotWarnByDefault() {
    ReportSelection selection =
        ReportSelection.select("a@a.test", all(Set.of(Notify.FAILURE, Notify.DELAY)), false);
    assertThat(selection.failures()).containsExactly(FAILED);
    assertThat(selection.delays()).containsExactly(DELAYED);
    assertThat(selection.successes()).isEmpty();
  }

  @Test
  void eachRecipientIsJudgedByItsOwnNotify() {
    ReportSelection selection =
        ReportSelection.select(
            "a@a.test",
            List.of(
                new ReportSelection.Outcome(FAILED, Set.of(Notify.NEVER)),
                new ReportSelection.Outcome(DELIVERED, Set.of(Notify.SUCCESS))),
            false);
    assertThat(selection.failures()).isEmpty();
    assertThat(selection.successes()).containsExactly(DELIVERED);
  }

  @Test
  void theNullSenderGetsNoReportWhateverItsRecipientsAskFor() {
    Set<Notify> everything = Set.of(Notify.SUCCESS, Notify.FAILURE, Notify.DELAY);
    assertThat(ReportSelection.select("", all(everything), true).anyDue()).isFalse();
    assertThat(ReportSelection.select("<>", all(everything), true).anyDue()).isFalse();
  }
}
