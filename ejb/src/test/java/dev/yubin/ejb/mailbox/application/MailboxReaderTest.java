package dev.yubin.ejb.mailbox.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import org.junit.jupiter.api.Test;

class MailboxReaderTest {

  private static final String ALICE = "alice@example.org";

  private final StoreFixture store = new StoreFixture();

  @Test
  void aReaderLocksTheMailboxOnlyToClaimMessagesNobodyClaimedYet() {
    store.deliver(ALICE, "k1", "Subject: 1\r\n\r\none\r\n");
    long inbox = store.inbox(ALICE).getId();
    int before = store.repository.locks;

    MailboxSnapshot first = store.reader.open(ALICE, Mailbox.INBOX, true);
    MailboxSnapshot second = store.reader.open(ALICE, Mailbox.INBOX, true);
    MailboxDelta nothingNew = store.reader.changes(ALICE, inbox, first.highestModseq(), true);

    assertThat(first.recentUids()).containsExactly(1);
    assertThat(second.recentUids()).isEmpty();
    assertThat(nothingNew.recentUids()).isEmpty();
    assertThat(store.repository.locks - before).as("only the first open claimed").isEqualTo(1);

    store.deliver(ALICE, "k2", "Subject: 2\r\n\r\ntwo\r\n");
    int delivering = store.repository.locks;
    MailboxDelta delivered = store.reader.changes(ALICE, inbox, first.highestModseq(), true);

    assertThat(delivered.recentUids()).containsExactly(2);
    assertThat(store.repository.locks - delivering).isEqualTo(1);
  }
}
