package dev.yubin.ejb.mailbox.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import dev.yubin.ejb.mailbox.domain.SystemFlag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaildropsTest {

  private static final String ALICE = "alice@example.org";

  private final StoreFixture store = new StoreFixture();
  private final MaildropSnapshots snapshots = new MaildropSnapshots();
  private final Maildrops maildrops = new Maildrops();

  @BeforeEach
  void wire() {
    snapshots.repository = store.repository;
    snapshots.folders = store.folders;
    maildrops.snapshots = snapshots;
    maildrops.reader = store.reader;
    maildrops.updates = store.updates;
  }

  @Test
  void aMaildropIsTheInboxInUidOrderWithContentKeysAsUniqueIds() {
    MailboxMessage first = store.deliver(ALICE, "KEY1", "Subject: 1\r\n\r\none\r\n");
    MailboxMessage second = store.deliver(ALICE, "KEY2", "Subject: 2\r\n\r\ntwo!\r\n");

    MaildropSnapshots.Snapshot snapshot = maildrops.open(ALICE);

    assertThat(snapshot.mailboxId()).isEqualTo(store.inbox(ALICE).getId());
    assertThat(snapshot.messages())
        .containsExactly(
            new MaildropSnapshots.Message(first.getUid(), 19, "KEY1"),
            new MaildropSnapshots.Message(second.getUid(), 20, "KEY2"));
  }

  @Test
  void aNewAccountGetsItsMailboxesAndAnEmptyMaildrop() {
    assertThat(maildrops.open("new@example.org").messages()).isEmpty();
    assertThat(store.repository.mailboxes("new@example.org"))
        .extracting(Mailbox::getName)
        .contains(Mailbox.INBOX, "Sent", "Trash");
  }

  @Test
  void oneSessionAtATimeHoldsAMaildrop() {
    assertThat(maildrops.open(ALICE)).isNotNull();
    assertThat(maildrops.open(ALICE)).isNull();
    assertThat(maildrops.open("bob@example.org")).isNotNull();

    maildrops.close(ALICE);

    assertThat(maildrops.open(ALICE)).isNotNull();
  }

  @Test
  void aFailedOpeningLeavesTheMaildropFree() {
    AtomicInteger calls = new AtomicInteger();
    maildrops.snapshots =
        new MaildropSnapshots() {
          @Override
          public Snapshot take(String owner) {
            if (calls.getAndIncrement() == 0) {
              throw new IllegalStateException("database down");
            }
            return snapshots.take(owner);
          }
        };

    assertThatThrownBy(() -> maildrops.open(ALICE)).isInstanceOf(IllegalStateException.class);
    assertThat(maildrops.open(ALICE)).isNotNull();
  }

  @Test
  void mailArrivingDuringTheSessionIsNotInItsSnapshot() {
    store.deliver(ALICE, "KEY1", "a");
    MaildropSnapshots.Snapshot snapshot = maildrops.open(ALICE);
    store.deliver(ALICE, "KEY2", "b");

    assertThat(snapshot.messages())
        .extracting(MaildropSnapshots.Message::uidl)
        .containsExactly("KEY1");
  }

  @Test
  void openingClaimsRecentAsDovecotsPop3Does() {
    store.deliver(ALICE, "KEY1", "a");

    maildrops.open(ALICE);

    Mailbox inbox = store.inbox(ALICE);
    assertThat(inbox.getFirstRecentUid()).isEqualTo(inbox.getUidNext());
  }

  @Test
  void retrieveStreamsTheWholeContent() throws IOException {
    MailboxMessage message = store.deliver(ALICE, "KEY1", "Subject: x\r\n\r\nbody\r\n");
    maildrops.open(ALICE);

    try (InputStream in = maildrops.retrieve(ALICE, message.getUid())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("Subject: x\r\n\r\nbody\r\n");
    }
  }

  @Test
  void aMessageGoneOrUnreadableSinceLoginIsNull() {
    MailboxMessage gone = store.deliver(ALICE, "KEY1", "a");
    MailboxMessage unreadable = store.deliver(ALICE, "KEY2", "b");
    maildrops.open(ALICE);
    store.updates.remove(ALICE, store.inbox(ALICE).getId(), new long[] {gone.getUid()});
    store.files.failOn("blobs/00/KEY2");

    assertThat(maildrops.retrieve(ALICE, gone.getUid())).isNull();
    assertThat(maildrops.retrieve(ALICE, unreadable.getUid())).isNull();
  }

  @Test
  void removingIsAnExpungeImapSeesAndTheFileGoesAfterTheCommit() {
    MailboxMessage kept = store.deliver(ALICE, "KEY1", "a");
    MailboxMessage removed = store.deliver(ALICE, "KEY2", "b");
    Mailbox inbox = store.inbox(ALICE);
    long modseq = inbox.getHighestModseq();
    AtomicInteger announced = new AtomicInteger();
    store.feed.watch(inbox.getId(), announced::incrementAndGet);
    maildrops.open(ALICE);

    maildrops.remove(ALICE, new long[] {removed.getUid()});

    assertThat(store.repository.messages(inbox.getId())).containsExactly(kept);
    assertThat(inbox.getHighestModseq()).isGreaterThan(modseq);
    assertThat(store.repository.expungedSince(inbox.getId(), modseq))
        .containsExactly(removed.getUid());
    assertThat(store.files.exists("blobs/00/KEY2")).isTrue();
    assertThat(announced).hasValue(0);

    store.transactions.commit();

    assertThat(store.files.exists("blobs/00/KEY2")).isFalse();
    assertThat(announced).hasValue(1);
  }

  @Test
  void contentStillPlacedElsewhereStaysWhenPop3RemovesItsInboxCopy() {
    MailboxMessage message = store.deliver(ALICE, "KEY1", "a");
    long inbox = store.inbox(ALICE).getId();
    store.updates.copy(ALICE, inbox, new long[] {message.getUid()}, "Archive", false);
    maildrops.open(ALICE);

    maildrops.remove(ALICE, new long[] {message.getUid()});
    store.transactions.commit();

    assertThat(store.files.exists("blobs/00/KEY1")).isTrue();
    assertThat(store.repository.contents())
        .extracting(MessageContent::getState)
        .containsExactly(MessageContent.LIVE);
  }

  @Test
  void markSeenSetsSeenWithANewModseq() {
    MailboxMessage read = store.deliver(ALICE, "KEY1", "a");
    MailboxMessage unread = store.deliver(ALICE, "KEY2", "b");
    long modseq = store.inbox(ALICE).getHighestModseq();
    maildrops.open(ALICE);

    maildrops.markSeen(ALICE, new long[] {read.getUid()});

    assertThat(read.getFlags().has(SystemFlag.SEEN)).isTrue();
    assertThat(read.getModseq()).isGreaterThan(modseq);
    assertThat(unread.getFlags().has(SystemFlag.SEEN)).isFalse();
  }

  @Test
  void withoutAnOpenMaildropNothingIsTouched() {
    store.deliver(ALICE, "KEY1", "a");

    assertThatThrownBy(() -> maildrops.remove(ALICE, new long[] {1}))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.repository.messages(store.inbox(ALICE).getId())).hasSize(1);
  }

  @Test
  void anIdThatRfc1939WouldRefuseGivesWayToOneFromUidValidityAndUid() {
    Mailbox inbox = store.inbox(ALICE);
    String tooLong = "K".repeat(64) + ".123.456";
    MessageContent content =
        new MessageContent("KEY1", "blobs/00/KEY1", 1, OffsetDateTime.now(ZoneOffset.UTC));
    store.files.put("blobs/00/KEY1", "a");
    store.repository.add(content);
    store.repository.add(
        new MailboxMessage(
            inbox.getId(),
            7,
            content.getId(),
            2,
            content.getCreatedAt(),
            1,
            Flags.none(),
            tooLong));

    assertThat(maildrops.open(ALICE).messages())
        .extracting(MaildropSnapshots.Message::uidl)
        .containsExactly("v" + inbox.getUidValidity() + ".7");
  }
}
