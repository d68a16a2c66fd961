package dev.yubin.ejb.platform.infrastructure.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentStoreTest {

  @TempDir Path data;

  private byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void storesHeaderThenSpooledBodyAndReadsItBack() throws Exception {
    FileContentStore store = new FileContentStore(data);
    SpoolFile spool = store.newSpoolFile();
    byte[] body = bytes("Subject: hi\r\n\r\nbody\r\n");
    spool.write(body, 0, body.length);
    Path content = spool.finish();

    FileContentStore.Stored stored =
        store.store("Alice@Example.Test", "INBOX", bytes("Return-Path: <>\r\n"), content, 0);
    spool.discard();

    assertThat(stored.size()).isEqualTo(17 + body.length);
    try (InputStream in = store.open("alice@example.test", "INBOX", stored.key())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("Return-Path: <>\r\nSubject: hi\r\n\r\nbody\r\n");
    }
    assertThat(Files.list(data.resolve("spool"))).isEmpty();
  }

  @Test
  void spoolAndMailboxFilesAndFoldersAreTheOwnersAlone() throws Exception {
    FileContentStore store = new FileContentStore(data.resolve("data"));
    SpoolFile spool = store.newSpoolFile();
    spool.write(bytes("x\r\n"), 0, 3);
    assertThat(OwnerOnlyTest.mode(spool.path())).as("while DATA arrives").isEqualTo("rw-------");
    FileContentStore.Stored stored =
        store.store("carol@example.test", "INBOX", new byte[0], spool.finish(), 0);

    Path folder = data.resolve("data/mail/carol%40example.test/INBOX");
    assertThat(OwnerOnlyTest.mode(folder.resolve(stored.key()))).isEqualTo("rw-------");
    for (Path each :
        List.of(data.resolve("data"), data.resolve("data/spool"), folder.getParent(), folder)) {
      assertThat(OwnerOnlyTest.mode(each)).as(each.toString()).isEqualTo("rwx------");
    }
  }

  @Test
  void scanFindsStoredMessagesAndRemovesInterruptedOnes() throws Exception {
    FileContentStore store = new FileContentStore(data);
    Path body = Files.write(data.resolve("body"), bytes("x\r\n"));
    FileContentStore.Stored stored = store.store("bob@example.test", "INBOX", new byte[0], body, 0);
    Path folder = data.resolve("mail/bob%40example.test/INBOX");
    Files.write(folder.resolve(".HALF.tmp"), bytes("partial"));

    assertThat(store.scan())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.owner()).isEqualTo("bob@example.test");
              assertThat(m.mailbox()).isEqualTo("INBOX");
              assertThat(m.key()).isEqualTo(stored.key());
              assertThat(m.size()).isEqualTo(3);
            });
    assertThat(folder.resolve(".HALF.tmp")).doesNotExist();
  }

  @Test
  void aNewMailboxFolderIsRecordedInItsParentsBeforeTheMessageCounts() throws Exception {
    List<Path> forced = new ArrayList<>();
    DirectorySync recording =
        folder -> {
          forced.add(folder);
          DirectorySync.FSYNC.force(folder);
        };
    FileContentStore store = new FileContentStore(data, recording);
    Path body = Files.write(data.resolve("body"), bytes("x\r\n"));
    forced.clear();

    store.store("new@example.test", "INBOX", new byte[0], body, 0);

    Path mail = data.resolve("mail").toAbsolutePath();
    Path owner = mail.resolve("new%40example.test");
    // The owner's folder is new (recorded in mail/), so is INBOX (recorded in the owner's folder),
    // and the message itself is recorded in INBOX.
    assertThat(forced).containsExactly(mail, owner, owner.resolve("INBOX"));

    forced.clear();
    store.store("new@example.test", "INBOX", new byte[0], body, 0);
    assertThat(forced)
        .as("folders that exist are not forced again")
        .containsExactly(owner.resolve("INBOX"));
  }

  @Test
  void deleteIsIdempotent() throws Exception {
    FileContentStore store = new FileContentStore(data);
    Path body = Files.write(data.resolve("body"), bytes("x\r\n"));
    String key = store.store("bob@example.test", "INBOX", new byte[0], body, 0).key();
    assertThat(store.delete("bob@example.test", "INBOX", key)).isTrue();
    assertThat(store.delete("bob@example.test", "INBOX", key)).isFalse();
    assertThat(store.exists("bob@example.test", "INBOX", key)).isFalse();
  }

  @Test
  void clearSpoolRemovesUnfinishedMessages() throws Exception {
    FileContentStore store = new FileContentStore(data);
    SpoolFile spool = store.newSpoolFile();
    spool.write(bytes("partial"), 0, 7);
    assertThat(store.clearSpool()).isEqualTo(1);
    assertThat(Files.list(data.resolve("spool"))).isEmpty();
  }

  @Test
  void keysThatCouldEscapeTheFolderAreRefused() {
    FileContentStore store = new FileContentStore(data);
    assertThatThrownBy(() -> store.open("bob@example.test", "INBOX", "../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysAreUniqueAndSafe() {
    String a = ContentKey.next();
    String b = ContentKey.next();
    assertThat(a).isNotEqualTo(b);
    assertThat(ContentKey.isValid(a)).isTrue();
    assertThat(ContentKey.isValid("a/b")).isFalse();
  }

  @Test
  void aStoredMessageIsFoundByItsPathRelativeToTheDataDirectory() throws Exception {
    FileContentStore store = new FileContentStore(data);
    Path body = Files.writeString(data.resolve("body"), "x\r\n");
    FileContentStore.Stored stored =
        store.store("Alice@Example.Test", "INBOX", new byte[0], body, 0);

    String path = store.relativePath("Alice@Example.Test", "INBOX", stored.key());

    assertThat(path).isEqualTo("mail/alice%40example.test/INBOX/" + stored.key());
    assertThat(data.resolve(path)).hasContent("x\r\n");
  }
}
