package dev.yubin.ejb.mailbox.application;

import static dev.yubin.ejb.mailbox.application.FakeMailboxStore.MAILBOX;
import static dev.yubin.ejb.mailbox.application.FakeMailboxStore.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.application.SortCriterion.Field;
import dev.yubin.ejb.mailbox.domain.Flags;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SORT over the three messages of {@link MessageSearchTest} (RFC 5256 §3, RFC 5957). */
class MessageSortTest {

  private final FakeMailboxStore store = MessageSearchTest.threeMessages();

  private long[] sort(Object... criteria) {
    List<SortCriterion> order = new ArrayList<>();
    boolean reverse = false;
    for (Object criterion : criteria) {
      if (criterion.equals("REVERSE")) {
        reverse = true;
      } else {
        order.add(new SortCriterion((Field) criterion, reverse));
        reverse = false;
      }
    }
    return store.search().sort(OWNER, MAILBOX, order, MessageCriteria.ALL);
  }

  @Test
  void addressesByMailboxAndByDisplayNameInCodePointOrder() {
    // yamada (1), carol (2), suzuki (3)
    assertThat(sort(Field.FROM)).containsExactly(2, 3, 1);
    assertThat(sort("REVERSE", Field.FROM)).containsExactly(1, 3, 2);
    // 山田 太郎 (U+5C71), Carol, 鈴木 (U+9234)
    assertThat(sort(Field.DISPLAY_FROM)).containsExactly(2, 1, 3);
    // bob (1), alice (2), none (3): an absent field is the empty string, first
    assertThat(sort(Field.TO)).containsExactly(3, 2, 1);
    assertThat(sort(Field.DISPLAY_TO)).containsExactly(3, 2, 1);
  }

  @Test
  void subjectsByBaseSubject() {
    // Lunch (Re: removed), ＲＥＰＯＲＴ ガイド (folds to REPORT), 会議の件
    assertThat(sort(Field.SUBJECT)).containsExactly(2, 3, 1);
  }

  @Test
  void datesSizesAndArrival() {
    // sent: 1 on Jan 2, 2 on Jan 3, 3 has no Date field and arrived Jan 5
    assertThat(sort(Field.DATE)).containsExactly(1, 2, 3);
    // arrived: 2 on Jan 3, 1 on Jan 4, 3 on Jan 5
    assertThat(sort(Field.ARRIVAL)).containsExactly(2, 1, 3);
    assertThat(sort("REVERSE", Field.ARRIVAL)).containsExactly(3, 1, 2);
    assertThat(sort(Field.SIZE)).containsExactly(2, 3, 1);
  }

  @Test
  void tiesFallToTheNextCriterionThenToUidAscendingEvenUnderReverse() {
    assertThat(sort(Field.CC)).containsExactly(1, 2, 3);
    assertThat(sort("REVERSE", Field.CC)).containsExactly(1, 2, 3);
    assertThat(sort(Field.CC, "REVERSE", Field.DATE)).containsExactly(3, 2, 1);
    FakeMailboxStore same = new FakeMailboxStore();
    OffsetDateTime when = OffsetDateTime.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 3; i++) {
      same.add(MessageSearchTest.LUNCH, when, Flags.none(), 1);
    }
    assertThat(
            same.search()
                .sort(
                    OWNER,
                    MAILBOX,
                    List.of(new SortCriterion(Field.SUBJECT, true)),
                    MessageCriteria.ALL))
        .containsExactly(1, 2, 3);
  }

  @Test
  void onlyMatchingMessagesAreSorted() {
    assertThat(
            store
                .search()
                .sort(
                    OWNER,
                    MAILBOX,
                    List.of(new SortCriterion(Field.FROM, false)),
                    new MessageCriteria.Header("From", "example.jp")))
        .containsExactly(3, 1);
  }
}
