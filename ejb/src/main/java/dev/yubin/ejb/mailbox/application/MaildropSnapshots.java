package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * The INBOX as a POP3 session sees it from login on: its messages then, in UID order, with their
 * POP3 unique ids. Like Dovecot's POP3 it claims \Recent, so the messages are no longer new to
 * IMAP.
 *
 * @see "RFC 1939 §7 (UIDL)"
 */
@ApplicationScoped
@Transactional
public class MaildropSnapshots {

  /** The longest unique id RFC 1939 §7 allows. */
  static final int MAX_UIDL = 70;

  /** One message as POP3 lists it. */
  public record Message(long uid, long size, String uidl) {}

  /** The owner's INBOX at login. */
  public record Snapshot(long mailboxId, List<Message> messages) {}

  @Inject MailboxRepository repository;
  @Inject MailboxFolders folders;

  public Snapshot take(String owner) {
    folders.ensureDefaults(owner);
    Mailbox inbox = repository.lock(repository.find(owner, Mailbox.INBOX).getId());
    inbox.claimRecent();
    List<Message> messages = new ArrayList<>();
    for (MailboxMessage message : repository.messages(inbox.getId())) {
      messages.add(new Message(message.getUid(), message.getSize(), uidl(inbox, message)));
    }
    return new Snapshot(inbox.getId(), messages);
  }

  /**
   * The stored POP3 id (the content key for delivered mail, so ids survive the upgrade from the
   * first store); one that RFC 1939 would not allow (a copy of a copy grows it) gives way to one
   * made of UIDVALIDITY and UID, which cannot look like a content key.
   */
  static String uidl(Mailbox inbox, MailboxMessage message) {
    String stored = message.getPop3Uidl();
    if (stored != null
        && !stored.isEmpty()
        && stored.length() <= MAX_UIDL
        && stored.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      return stored;
    }
    return "v" + inbox.getUidValidity() + "." + message.getUid();
  }
}
