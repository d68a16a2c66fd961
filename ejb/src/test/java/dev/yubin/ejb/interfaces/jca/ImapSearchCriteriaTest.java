package dev.yubin.ejb.interfaces.jca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.application.MessageCriteria;
import dev.yubin.ejb.mailbox.application.SortCriterion;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import dev.yubin.protocol.imap.backend.SearchKey;
import dev.yubin.protocol.imap.backend.SortKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImapSearchCriteriaTest {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 3);

  @Test
  void translatesEveryKeyOfAProgram() {
    Instant now = Instant.parse("2024-01-03T12:00:00Z");
    SearchKey program =
        new SearchKey.And(
            List.of(
                SearchKey.ALL,
                new SearchKey.Or(new SearchKey.Header("Subject", "会議"), new SearchKey.Body("十時")),
                new SearchKey.Not(new SearchKey.Text("x")),
                new SearchKey.Size(10, true),
                new SearchKey.Arrival(DAY, SearchKey.Comparison.BEFORE),
                new SearchKey.Sent(DAY, SearchKey.Comparison.ON),
                new SearchKey.ArrivalInstant(now, true),
                new SearchKey.ModSeq(4)));
    assertThat(ImapSearchCriteria.toStore(program))
        .isEqualTo(
            new MessageCriteria.And(
                List.of(
                    MessageCriteria.ALL,
                    new MessageCriteria.Or(
                        new MessageCriteria.Header("subject", "会議"),
                        new MessageCriteria.Body("十時")),
                    new MessageCriteria.Not(new MessageCriteria.Text("x")),
                    new MessageCriteria.Size(10, true),
                    new MessageCriteria.Arrived(DAY, MessageCriteria.DateComparison.BEFORE),
                    new MessageCriteria.Sent(DAY, MessageCriteria.DateComparison.ON),
                    new MessageCriteria.ArrivedBefore(now, true),
                    new MessageCriteria.ModSeqAtLeast(4))));
  }

  @Test
  void uidRangesKeepTheirUids() {
    MessageCriteria.UidRanges ranges =
        (MessageCriteria.UidRanges)
            ImapSearchCriteria.toStore(new SearchKey.Uids(new long[] {2, 9}, new long[] {4, 9}));
    assertThat(ranges.firsts()).containsExactly(2, 9);
    assertThat(ranges.lasts()).containsExactly(4, 9);
  }

  @Test
  void systemFlagsKeywordsAndFlagsTheStoreCannotHave() {
    assertThat(ImapSearchCriteria.toStore(new SearchKey.Flag("\\Seen", false)))
        .isEqualTo(new MessageCriteria.HasFlag(SystemFlag.SEEN, false));
    assertThat(ImapSearchCriteria.toStore(new SearchKey.Flag("\\DRAFT", true)))
        .isEqualTo(new MessageCriteria.HasFlag(SystemFlag.DRAFT, true));
    assertThat(ImapSearchCriteria.toStore(new SearchKey.Flag("$Junk", true)))
        .isEqualTo(new MessageCriteria.HasKeyword("$Junk", true));
    assertThat(ImapSearchCriteria.toStore(new SearchKey.Flag("\\Unknown", true)))
        .isEqualTo(new MessageCriteria.Not(MessageCriteria.ALL));
    assertThat(ImapSearchCriteria.toStore(new SearchKey.Flag("\\Unknown", false)))
        .isEqualTo(MessageCriteria.ALL);
  }

  @Test
  void sortKeysKeepTheirOrderAndReverse() {
    assertThat(
            ImapSearchCriteria.toStore(
                List.of(
                    new SortKey(SortKey.Field.DISPLAYFROM, true),
                    new SortKey(SortKey.Field.SUBJECT, false))))
        .containsExactly(
            new SortCriterion(SortCriterion.Field.DISPLAY_FROM, true),
            new SortCriterion(SortCriterion.Field.SUBJECT, false));
  }
}
