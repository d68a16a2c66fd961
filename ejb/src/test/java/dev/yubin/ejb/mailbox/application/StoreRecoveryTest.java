package dev.yubin.ejb.mailbox.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreRecoveryTest {

  private static final String ALICE = "alice@example.org";

  private final StoreFixture store = new StoreFixture();
  private final StoreRecovery recovery = new StoreRecovery();

  @BeforeEach
  void wire() {
    recovery.repository = store.repository;
    recovery.files = store.files;
    recovery.reaper = store.reaper;
  }

  @Test
  void aFileWithoutARowIsSetAsideAndFilesWithRowsStay() {
    store.deliver(ALICE, "KEPT", "kept");
    store.files.put("blobs/7f/ORPHAN", "written, never committed");

    StoreRecovery.Report report = recovery.recover();

    assertThat(report.setAside()).isEqualTo(1);
    assertThat(store.files.paths()).containsExactly("blobs/00/KEPT", "lost+found/ORPHAN");
    assertThat(store.files.deletedPaths()).isEmpty();
  }

  @Test
  void contentsMarkedDeletingLoseTheirFilesAndRows() {
    MailboxMessage gone = store.deliver(ALICE, "GONE", "expunged before the crash");
    store.deliver(ALICE, "KEPT", "kept");
    store.updates.remove(ALICE, store.inbox(ALICE).getId(), new long[] {gone.getUid()});
    // The crash: the expunge committed, its after-commit unlink never ran.

    StoreRecovery.Report report = recovery.recover();

    assertThat(report.reaped()).isEqualTo(1);
    assertThat(store.files.paths()).containsExactly("blobs/00/KEPT");
    assertThat(store.repository.contents())
        .extracting(MessageContent::getContentKey)
        .containsExactly("KEPT");
  }

  @Test
  void aRowWhoseFileIsMissingIsReportedAndKept() {
    MailboxMessage lost = store.deliver(ALICE, "LOST", "gone from the disk");
    store.files.delete("blobs/00/LOST");
    long inbox = store.inbox(ALICE).getId();

    StoreRecovery.Report report = recovery.recover();

    assertThat(report.missing()).isEqualTo(1);
    assertThat(store.repository.messages(inbox)).containsExactly(lost);
    assertThat(store.reader.fetch(ALICE, inbox, new long[] {lost.getUid()}, false)).hasSize(1);
  }

  @Test
  void filesOfTheFirstStoreOutsideTheScanAreFoundWhereTheirRowsSay() {
    store.files.put("mail/alice%40example.org/INBOX/LEGACY", "from the first store");
    MessageContent legacy =
        new MessageContent(
            "LEGACY",
            "mail/alice%40example.org/INBOX/LEGACY",
            20,
            OffsetDateTime.now(ZoneOffset.UTC));
    store.repository.place(store.inbox(ALICE).getId(), legacy, Flags.none());

    StoreRecovery.Report report = recovery.recover();

    assertThat(report).isEqualTo(new StoreRecovery.Report(0, 0, 0));
    assertThat(store.files.exists("mail/alice%40example.org/INBOX/LEGACY")).isTrue();
  }

  @Test
  void aFileThatCannotBeSetAsideDoesNotStopRecovery() {
    store.files.put("blobs/01/STUCK", "a");
    store.files.put("blobs/02/ORPHAN", "b");
    store.files.failToMove("blobs/01/STUCK");

    StoreRecovery.Report report = recovery.recover();

    assertThat(report.setAside()).isEqualTo(1);
    assertThat(store.files.paths()).containsExactly("blobs/01/STUCK", "lost+found/ORPHAN");
  }

  @Test
  void aLargeStoreIsCheckedInBoundedBatches() {
    int count = 2 * StoreRecovery.BATCH + 7;
    for (int i = 0; i < count; i++) {
      store.deliver(ALICE, "K" + i, "message " + i);
    }
    store.files.put("blobs/ff/ORPHAN", "x");

    StoreRecovery.Report report = recovery.recover();

    assertThat(report).isEqualTo(new StoreRecovery.Report(0, 1, 0));
    assertThat(store.repository.knownPathQueries)
        .hasSize(3)
        .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(StoreRecovery.BATCH));
  }
}
