package dev.yubin.ejb.mailbox.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RENAME of a mailbox with inferiors (RFC 3501 §6.3.5), and an account's default mailboxes. */
class MailboxFoldersTest {

  private static final String ALICE = "alice@example.org";

  private final StoreFixture store = new StoreFixture();

  private List<String> names() {
    return store.repository.mailboxes(ALICE).stream().map(Mailbox::getName).toList();
  }

  @Test
  void renamingAMailboxRenamesItsInferiors() {
    store.inbox(ALICE);
    store.folders.create(ALICE, "Work/Projects/2026", null);
    store.folders.create(ALICE, "Workshop", null);

    assertThat(store.folders.rename(ALICE, "Work", "Job")).isEqualTo(MailboxResult.OK);

    assertThat(names())
        .contains("Job", "Job/Projects", "Job/Projects/2026", "Workshop")
        .doesNotContain("Work", "Work/Projects", "Work/Projects/2026");
  }

  @Test
  void renamingUnderANewParentCreatesIt() {
    store.inbox(ALICE);
    store.folders.create(ALICE, "Work/Projects", null);

    assertThat(store.folders.rename(ALICE, "Work", "Archive/2025/Work"))
        .isEqualTo(MailboxResult.OK);

    assertThat(names()).contains("Archive/2025", "Archive/2025/Work", "Archive/2025/Work/Projects");
  }

  @Test
  void renameTakesTheMailboxesBelowAlongWithTheirUidValidity() {
    store.inbox(ALICE);
    store.folders.create(ALICE, "Projects/2026/Q1", null);
    store.folders.create(ALICE, "Projectsx", null);
    long child = store.repository.find(ALICE, "Projects/2026").getUidValidity();
    long grandchild = store.repository.find(ALICE, "Projects/2026/Q1").getUidValidity();

    assertThat(store.folders.rename(ALICE, "Projects", "Done")).isEqualTo(MailboxResult.OK);

    assertThat(store.repository.mailboxes(ALICE).stream().map(Mailbox::getName))
        .contains("Done", "Done/2026", "Done/2026/Q1", "Projectsx")
        .noneMatch(name -> name.startsWith("Projects/") || name.equals("Projects"));
    assertThat(store.repository.find(ALICE, "Done/2026").getUidValidity()).isEqualTo(child);
    assertThat(store.repository.find(ALICE, "Done/2026/Q1").getUidValidity()).isEqualTo(grandchild);
  }

  @Test
  void inboxAndTheSpecialUseMailboxesAreThereForAnAccountsFirstCommandWhateverItIs() {
    assertThat(store.folders.find(ALICE, "Sent")).isNotNull();
    assertThat(store.folders.status("bob@example.org", Mailbox.INBOX)).isNotNull();
    assertThat(store.folders.rename("carol@example.org", Mailbox.INBOX, "Old"))
        .isEqualTo(MailboxResult.OK);
    assertThat(store.folders.create("dave@example.org", "Trash", null))
        .isEqualTo(MailboxResult.ALREADY_EXISTS);
    assertThat(store.folders.find(ALICE, "Nothing")).isNull();
    assertThat(store.repository.mailboxes(ALICE)).hasSize(6);
  }
}
