package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The store's application services wired to fakes of their ports, as CDI wires the real ones. */
class StoreFixture {

  final InMemoryMailboxRepository repository = new InMemoryMailboxRepository();
  final FakeContentFiles files = new FakeContentFiles();
  final FakeTransactions transactions = new FakeTransactions();
  final MailboxChangeFeed feed = new MailboxChangeFeed();
  final ContentReaper reaper = new ContentReaper();
  final MessageUpdates updates = new MessageUpdates();
  final MailboxFolders folders = new MailboxFolders();
  final MailboxReader reader = new MailboxReader();

  StoreFixture() {
    feed.transactions = transactions;
    reaper.repository = repository;
    reaper.files = files;
    reaper.transactions = transactions;
    updates.repository = repository;
    updates.feed = feed;
    updates.reaper = reaper;
    updates.quotas = owner -> null;
    folders.repository = repository;
    folders.updates = updates;
    folders.feed = feed;
    reader.repository = repository;
    reader.folders = folders;
    reader.files = files;
    reader.feed = feed;
  }

  Mailbox inbox(String owner) {
    folders.ensureDefaults(owner);
    return repository.find(owner, Mailbox.INBOX);
  }

  /** A delivered message: its file under its key, its row, its placement in the owner's INBOX. */
  MailboxMessage deliver(String owner, String key, String content) {
    String path = "blobs/00/" + key;
    files.put(path, content);
    MessageContent row =
        new MessageContent(key, path, content.length(), OffsetDateTime.now(ZoneOffset.UTC));
    return repository.place(inbox(owner).getId(), row, Flags.none());
  }
}
