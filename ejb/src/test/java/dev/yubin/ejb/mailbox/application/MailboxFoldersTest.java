package dev.yubin.ejb.mailbox.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import org.junit.jupiter.api.Test;

class MailboxFoldersTest {

  private static final String ALICE = "alice@example.org";

  private final StoreFixture store = new StoreFixture();

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
