package dev.yubin.ejb.mailbox.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LegacyStoreMigrationTest {

  private static final String ALICE = "alice@example.org";
  private static final String BOB = "bob@example.org";
  private static final OffsetDateTime MONDAY =
      OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);

  private final StoreFixture store = new StoreFixture();
  private final FakeLegacyMessages legacy = new FakeLegacyMessages();
  private final LegacyMessageImport importer = new LegacyMessageImport();
  private final LegacyStoreMigration migration = new LegacyStoreMigration();
  private final List<String> analyzed = new ArrayList<>();
  private String unparsable;
  private int analysesBeforeKill = -1;

  /** The process dies: nothing catches it, nothing after it runs. */
  private static final class Killed extends Error {
    Killed() {
      super("killed");
    }
  }

  @BeforeEach
  void wire() {
    importer.repository = store.repository;
    importer.files = store.files;
    importer.legacy = legacy;
    importer.analyzer =
        new MessageAnalyzer() {
          @Override
          public Analysis analyze(InputStream content) throws IOException {
            String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
            if (analysesBeforeKill-- == 0) {
              throw new Killed();
            }
            if (text.equals(unparsable)) {
              throw new IOException("simulated read failure");
            }
            analyzed.add(text);
            return Analyses.of(new byte[] {1, 2, 3}, text);
          }
        };
    migration.legacy = legacy;
    migration.importer = importer;
    migration.folders = store.folders;
  }

  /** A row and its file as the first store left them. */
  private void old(long id, String owner, String key, String text, OffsetDateTime receivedAt) {
    String path = "mail/" + owner.replace("@", "%40") + "/INBOX/" + key;
    store.files.put(path, text);
    legacy.add(id, owner, key, path, text.length(), receivedAt);
  }

  private List<MailboxMessage> inbox(String owner) {
    return store.repository.messages(store.repository.find(owner, Mailbox.INBOX).getId());
  }

  @Test
  void eachOldMessageBecomesAnInboxMessageInArrivalOrderWithItsDateAndUniqueId() {
    old(7, ALICE, "OLD7", "first", MONDAY);
    old(9, BOB, "OLD9", "for bob", MONDAY.plusHours(1));
    old(12, ALICE, "OLD12", "second", MONDAY.plusDays(1));

    assertThat(migration.migrate()).isEqualTo(3);

    assertThat(inbox(ALICE))
        .extracting(
            MailboxMessage::getUid, MailboxMessage::getInternalDate, MailboxMessage::getPop3Uidl)
        .containsExactly(tuple(1L, MONDAY, "OLD7"), tuple(2L, MONDAY.plusDays(1), "OLD12"));
    assertThat(inbox(BOB)).extracting(MailboxMessage::getPop3Uidl).containsExactly("OLD9");
    MessageContent content = store.repository.content(inbox(ALICE).get(0).getContentId());
    assertThat(content.getContentKey()).isEqualTo("OLD7");
    assertThat(content.getPath()).isEqualTo("mail/alice%40example.org/INBOX/OLD7");
    assertThat(content.getSize()).isEqualTo(5);
    assertThat(content.getStructure()).containsExactly(1, 2, 3);
    assertThat(inbox(ALICE).get(0).getSize()).isEqualTo(5);
    assertThat(legacy.rows).isEmpty();
    assertThat(legacy.finished).isTrue();
    assertThat(legacy.reconciled).isEqualTo(1);
  }

  @Test
  void ownersGetTheirDefaultMailboxesAndTheFilesStayWhereTheyAre() {
    old(1, ALICE, "OLD1", "x", MONDAY);

    migration.migrate();

    assertThat(store.repository.mailboxes(ALICE))
        .extracting(Mailbox::getName)
        .contains(Mailbox.INBOX, "Sent", "Drafts", "Trash", "Junk", "Archive");
    assertThat(store.files.paths()).containsExactly("mail/alice%40example.org/INBOX/OLD1");
  }

  @Test
  void onceFinishedTheFirstStoreIsNotLookedAtAgain() {
    migration.migrate();
    old(5, ALICE, "LATE", "x", MONDAY);

    assertThat(migration.migrate()).isZero();
    assertThat(legacy.reconciled).isEqualTo(1);
    assertThat(legacy.rows).hasSize(1);
  }

  @Test
  void aCrashMidwayAndARestartFinishTheJobWithoutDuplicates() {
    for (int i = 1; i <= 5; i++) {
      old(i, ALICE, "OLD" + i, "message " + i, MONDAY.plusMinutes(i));
    }
    analysesBeforeKill = 2; // in the transaction of the third message, before its commit

    assertThatThrownBy(migration::migrate).isInstanceOf(Killed.class);
    assertThat(inbox(ALICE)).hasSize(2);
    assertThat(legacy.finished).isFalse();

    assertThat(migration.migrate()).isEqualTo(3);

    assertThat(inbox(ALICE))
        .extracting(MailboxMessage::getUid, MailboxMessage::getPop3Uidl)
        .containsExactly(
            tuple(1L, "OLD1"),
            tuple(2L, "OLD2"),
            tuple(3L, "OLD3"),
            tuple(4L, "OLD4"),
            tuple(5L, "OLD5"));
    assertThat(store.repository.contents()).hasSize(5);
    assertThat(legacy.finished).isTrue();
  }

  @Test
  void anUnreadableMessageHoldsBackItsOwnerOnlyAndTheNextStartKeepsTheOrder() {
    old(1, ALICE, "OLD1", "fine", MONDAY);
    old(2, ALICE, "OLD2", "unreadable for now", MONDAY.plusMinutes(1));
    old(3, BOB, "OLD3", "for bob", MONDAY.plusMinutes(2));
    old(4, ALICE, "OLD4", "after the bad one", MONDAY.plusMinutes(3));
    unparsable = "unreadable for now";

    assertThat(migration.migrate()).isEqualTo(2);

    assertThat(inbox(ALICE)).extracting(MailboxMessage::getPop3Uidl).containsExactly("OLD1");
    assertThat(inbox(BOB)).extracting(MailboxMessage::getPop3Uidl).containsExactly("OLD3");
    assertThat(legacy.finished).isFalse();

    unparsable = null;
    assertThat(migration.migrate()).isEqualTo(2);

    assertThat(inbox(ALICE))
        .extracting(MailboxMessage::getPop3Uidl)
        .containsExactly("OLD1", "OLD2", "OLD4");
    assertThat(legacy.finished).isTrue();
  }

  @Test
  void aLargeFirstStoreIsReadInBatches() {
    int count = 2 * LegacyStoreMigration.BATCH + 3;
    for (int i = 1; i <= count; i++) {
      old(i, ALICE, "OLD" + i, "m" + i, MONDAY.plusSeconds(i));
    }

    assertThat(migration.migrate()).isEqualTo(count);

    assertThat(inbox(ALICE)).hasSize(count);
    assertThat(inbox(ALICE).get(count - 1).getPop3Uidl()).isEqualTo("OLD" + count);
  }

  @Test
  void aMovedMessageIsServedToPop3UnderItsOldUniqueId() throws IOException {
    old(1, ALICE, "OLD1", "Subject: kept\r\n\r\nbody\r\n", MONDAY);
    migration.migrate();
    MaildropSnapshots snapshots = new MaildropSnapshots();
    snapshots.repository = store.repository;
    snapshots.folders = store.folders;
    Maildrops maildrops = new Maildrops();
    maildrops.snapshots = snapshots;
    maildrops.reader = store.reader;
    maildrops.updates = store.updates;

    MaildropSnapshots.Snapshot snapshot = maildrops.open(ALICE);

    assertThat(snapshot.messages()).containsExactly(new MaildropSnapshots.Message(1, 23, "OLD1"));
    try (InputStream in = maildrops.retrieve(ALICE, 1)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("Subject: kept\r\n\r\nbody\r\n");
    }
  }
}
