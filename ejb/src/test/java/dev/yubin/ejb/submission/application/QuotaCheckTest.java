package dev.yubin.ejb.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.kernel.Outcome;
import dev.yubin.ejb.submission.application.QuotaCheck.Copy;
import dev.yubin.ejb.submission.application.QuotaCheck.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaCheckTest {

  private static final Usage UNLIMITED = new Usage("free@example.test", null, 1_000_000);
  private static final Usage ROOM = new Usage("room@example.test", 1000L, 400);
  private static final Usage FULL = new Usage("full@example.test", 1000L, 1000);
  private static final Usage OVER = new Usage("over@example.test", 1000L, 1500);

  @Test
  void atRcptAFullOrOverfullMailboxIsATemporaryFailure() {
    assertThat(QuotaCheck.atRecipient("full@example.test", List.of(FULL)))
        .contains(
            Outcome.temporaryFailure(
                "4.2.2", "<full@example.test>: Recipient address rejected: Mailbox full"));
    assertThat(QuotaCheck.atRecipient("x@example.test", List.of(OVER))).isPresent();
  }

  @Test
  void atRcptAMailboxWithRoomOrWithoutLimitIsAccepted() {
    assertThat(QuotaCheck.atRecipient("room@example.test", List.of(ROOM))).isEmpty();
    assertThat(QuotaCheck.atRecipient("free@example.test", List.of(UNLIMITED))).isEmpty();
    assertThat(QuotaCheck.atRecipient("zero@example.test", List.of())).isEmpty();
  }

  @Test
  void atRcptAnAliasWithOneFullMemberIsDeferred() {
    assertThat(QuotaCheck.atRecipient("team@example.test", List.of(ROOM, FULL, UNLIMITED)))
        .map(Outcome::status)
        .contains("4.2.2");
  }

  @Test
  void atEndOfDataEveryCopyThatFitsIsAccepted() {
    assertThat(QuotaCheck.overflowing(List.of(new Copy(ROOM, 600), new Copy(UNLIMITED, 1 << 30))))
        .isEmpty();
    assertThat(QuotaCheck.overflowing(List.of())).isEmpty();
  }

  @Test
  void atEndOfDataEachCopyThatWouldOverflowItsMailboxIsNamed() {
    assertThat(QuotaCheck.overflowing(List.of(new Copy(ROOM, 601))))
        .containsExactly("room@example.test");
    assertThat(
            QuotaCheck.overflowing(
                List.of(new Copy(ROOM, 601), new Copy(UNLIMITED, 601), new Copy(FULL, 1))))
        .containsExactly("room@example.test", "full@example.test");
  }

  @Test
  void anOverflowIsRefusedForGood() {
    assertThat(QuotaCheck.overflow("room@example.test"))
        .isEqualTo(
            Outcome.permanentFailure(
                "5.2.2", "<room@example.test>: Recipient address rejected: Mailbox full"));
  }
}
