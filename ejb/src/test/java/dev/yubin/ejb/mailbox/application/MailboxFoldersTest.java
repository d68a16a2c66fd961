package dev.yubin.ejb.mailbox.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RENAME of a mailbox with inferiors (RFC 3501 §6.3.5). */
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
}
