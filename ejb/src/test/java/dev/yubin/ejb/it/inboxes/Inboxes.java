package dev.yubin.ejb.it.inboxes;

import dev.yubin.ejb.mailbox.application.ContentFiles;
import dev.yubin.ejb.mailbox.application.MailboxRepository;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The committed messages of an owner's mailboxes as the tests check them, read from the mailbox
 * store's rows and content files.
 */
@ApplicationScoped
@Transactional
public class Inboxes {

  @Inject MailboxRepository repository;
  @Inject ContentFiles files;

  /** One placement of a message: its UID, POP3 UIDL, content row and file. */
  public record Placement(long uid, String key, long contentId, String path, long size) {}

  /** The messages of a mailbox of the owner, ascending by UID; none if there is no such mailbox. */
  public List<Placement> messages(String owner, String mailbox) {
    Mailbox found = repository.find(owner, mailbox);
    if (found == null) {
      return List.of();
    }
    return repository.messages(found.getId()).stream().map(this::placement).toList();
  }

  /** The POP3 UIDLs (the content keys of delivered mail) of the owner's INBOX, by UID. */
  public List<String> keys(String owner) {
    return messages(owner, Mailbox.INBOX).stream().map(Placement::key).toList();
  }

  /** The bytes of the INBOX message with this key. */
  public byte[] content(String owner, String key) {
    Placement placement =
        messages(owner, Mailbox.INBOX).stream()
            .filter(each -> each.key().equals(key))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no message " + key + " in INBOX"));
    try (InputStream in = files.open(placement.path())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes the owner's messages take in all mailboxes (what quotas limit). */
  public long usage(String owner) {
    return repository.usage(owner)[0];
  }

  private Placement placement(MailboxMessage message) {
    return new Placement(
        message.getUid(),
        message.getPop3Uidl(),
        message.getContentId(),
        repository.content(message.getContentId()).getPath(),
        message.getSize());
  }
}
