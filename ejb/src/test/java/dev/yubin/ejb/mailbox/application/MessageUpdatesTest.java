package dev.yubin.ejb.mailbox.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.domain.FlagChange;
import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MessageUpdatesTest {

  private static final String ALICE = "alice@example.org";

  private final StoreFixture store = new StoreFixture();

  @Test
  void aSystemFlagOverARangeIsWrittenOneRunOfChangingMessagesAtATime() {
    long inbox = deliver(10);
    store.updates.store(ALICE, inbox, new long[] {5}, add(SystemFlag.SEEN), -1);
    store.repository.flagWrites.clear();

    FlagUpdate update =
        store.updates.store(
            ALICE, inbox, LongStream.rangeClosed(1, 10).toArray(), add(SystemFlag.SEEN), -1);

    assertThat(update.updated()).extracting(MessageState::uid).doesNotContain(5L).hasSize(9);
    assertThat(store.repository.flagWrites).as("5 had it already").containsExactly("1-4", "6-10");
    assertThat(messages(inbox))
        .allSatisfy(m -> assertThat(m.getFlags().has(SystemFlag.SEEN)).isTrue())
        .filteredOn(m -> m.getUid() != 5)
        .allSatisfy(m -> assertThat(m.getModseq()).isEqualTo(update.highestModseq()));
  }

  @Test
  void aMessageNotAskedForInsideTheRangeIsLeftAlone() {
    long inbox = deliver(5);

    FlagUpdate update =
        store.updates.store(ALICE, inbox, new long[] {1, 2, 4, 5}, add(SystemFlag.FLAGGED), -1);

    assertThat(store.repository.flagWrites).containsExactly("1-2", "4-5");
    assertThat(messages(inbox))
        .extracting(m -> m.getFlags().has(SystemFlag.FLAGGED))
        .containsExactly(true, true, false, true, true);
    assertThat(messages(inbox).get(2).getModseq()).isLessThan(update.highestModseq());
  }

  @Test
  void keywordsAndReplacementsAreWrittenMessageByMessage() {
    long inbox = deliver(3);
    FlagChange keyword = new FlagChange(FlagChange.Mode.ADD, Flags.of(Set.of(), List.of("$Work")));

    store.updates.store(ALICE, inbox, new long[] {1, 2, 3}, keyword, -1);
    FlagChange replace =
        new FlagChange(FlagChange.Mode.REPLACE, Flags.of(Set.of(SystemFlag.DRAFT), List.of()));
    store.updates.store(ALICE, inbox, new long[] {2}, replace, -1);

    assertThat(store.repository.flagWrites).isEmpty();
    assertThat(messages(inbox))
        .extracting(MailboxMessage::getFlags)
        .containsExactly(
            Flags.of(Set.of(), List.of("$Work")),
            Flags.of(Set.of(SystemFlag.DRAFT), List.of()),
            Flags.of(Set.of(), List.of("$Work")));
  }

  @Test
  void aMessageChangedSinceUnchangedSinceIsReportedAndNotWritten() {
    long inbox = deliver(3);
    FlagUpdate first = store.updates.store(ALICE, inbox, new long[] {2}, add(SystemFlag.SEEN), -1);
    long before = first.highestModseq() - 1;

    FlagUpdate update =
        store.updates.store(ALICE, inbox, new long[] {1, 2, 3}, add(SystemFlag.DELETED), before);

    assertThat(update.modified()).containsExactly(2);
    assertThat(update.updated()).extracting(MessageState::uid).containsExactly(1L, 3L);
    assertThat(messages(inbox))
        .extracting(m -> m.getFlags().has(SystemFlag.DELETED))
        .containsExactly(true, false, true);
  }

  @Test
  void expungeReadsOnlyTheDeletedMessages() {
    long inbox = deliver(4);
    store.updates.store(ALICE, inbox, new long[] {2, 4}, add(SystemFlag.DELETED), -1);
    store.repository.wholeMailboxReads = 0;

    assertThat(store.updates.expunge(ALICE, inbox, null)).containsExactly(2, 4);

    assertThat(store.repository.wholeMailboxReads).isZero();
    assertThat(messages(inbox)).extracting(MailboxMessage::getUid).containsExactly(1L, 3L);
  }

  private long deliver(int count) {
    for (int i = 1; i <= count; i++) {
      store.deliver(ALICE, "key" + i, "Subject: " + i + "\r\n\r\nbody\r\n");
    }
    return store.inbox(ALICE).getId();
  }

  private List<MailboxMessage> messages(long inbox) {
    return store.repository.messages(inbox);
  }

  private static FlagChange add(SystemFlag flag) {
    return new FlagChange(FlagChange.Mode.ADD, Flags.of(Set.of(flag), List.of()));
  }
}
