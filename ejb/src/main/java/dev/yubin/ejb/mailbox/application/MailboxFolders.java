package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.SpecialUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An account's mailbox list: INBOX and the special-use mailboxes exist for every account; others
 * are created, renamed (with what lies below them) and deleted on request; subscriptions are kept
 * by name.
 *
 * @see "RFC 3501 §6.3, RFC 6154"
 */
@ApplicationScoped
@Transactional
public class MailboxFolders {

  @Inject MailboxRepository repository;
  @Inject MessageUpdates updates;
  @Inject MailboxChangeFeed feed;

  /** Creates INBOX and the special-use mailboxes that are missing; answers the mailboxes. */
  public List<Mailbox> ensureDefaults(String owner) {
    List<Mailbox> existing = repository.mailboxes(owner);
    List<Mailbox> all = new ArrayList<>(existing);
    if (!missingDefaults(existing).isEmpty()) {
      // An account's first commands may come at once (SELECT and APPEND, a delivery): one makes
      // the mailboxes, the others wait for it and then see them, rather than making them twice.
      repository.lockMailboxCreation();
      existing = repository.mailboxes(owner);
      all = new ArrayList<>(existing);
      List<Default> missing = missingDefaults(existing);
      for (Default mailbox : missing) {
        all.add(add(owner, mailbox.name(), mailbox.use()));
        repository.subscribe(owner, mailbox.name(), true);
      }
      if (!missing.isEmpty()) {
        repository.subscribe(owner, Mailbox.INBOX, true);
      }
    }
    all.sort(Comparator.comparing(Mailbox::getName));
    return all;
  }

  /** A mailbox every account has: INBOX (no special use), or one of each special use. */
  private record Default(String name, SpecialUse use) {}

  private static List<Default> missingDefaults(List<Mailbox> mailboxes) {
    Set<String> names = new HashSet<>();
    Set<SpecialUse> uses = new HashSet<>();
    for (Mailbox mailbox : mailboxes) {
      names.add(mailbox.getName());
      if (mailbox.getSpecialUse() != null) {
        uses.add(mailbox.getSpecialUse());
      }
    }
    List<Default> missing = new ArrayList<>();
    if (!names.contains(Mailbox.INBOX)) {
      missing.add(new Default(Mailbox.INBOX, null));
    }
    for (SpecialUse use : SpecialUse.values()) {
      if (!uses.contains(use) && !names.contains(use.defaultName())) {
        missing.add(new Default(use.defaultName(), use));
      }
    }
    return missing;
  }

  /**
   * A mailbox by name, or null. INBOX and the special-use mailboxes exist for every account from
   * its first command on, whichever it is (APPEND, STATUS, RENAME INBOX...): made when missed.
   */
  public Mailbox find(String owner, String name) {
    Mailbox mailbox = repository.find(owner, name);
    if (mailbox == null) {
      ensureDefaults(owner);
      mailbox = repository.find(owner, name);
    }
    return mailbox;
  }

  private Mailbox add(String owner, String name, SpecialUse use) {
    Mailbox mailbox = new Mailbox(owner, name, use, repository.nextUidValidity());
    repository.add(mailbox);
    return mailbox;
  }

  public List<MailboxInfo> list(String owner) {
    Set<String> subscribed = repository.subscriptions(owner);
    List<MailboxInfo> list = new ArrayList<>();
    for (Mailbox mailbox : ensureDefaults(owner)) {
      list.add(
          new MailboxInfo(
              mailbox.getId(),
              mailbox.getName(),
              mailbox.getSpecialUse(),
              subscribed.contains(mailbox.getName())));
    }
    return list;
  }

  public Set<String> subscriptions(String owner) {
    return repository.subscriptions(owner);
  }

  /** Creates a mailbox and any missing parent. */
  public MailboxResult create(String owner, String name, SpecialUse use) {
    if (find(owner, name) != null) {
      return MailboxResult.ALREADY_EXISTS;
    }
    int slash = -1;
    while ((slash = name.indexOf(Mailbox.DELIMITER, slash + 1)) > 0) {
      String parent = name.substring(0, slash);
      if (repository.find(owner, parent) == null) {
        add(owner, parent, null);
      }
    }
    add(owner, name, use);
    return MailboxResult.OK;
  }

  /** Deletes a mailbox without children, its messages expunged; INBOX stays. */
  public MailboxResult delete(String owner, String name) {
    if (name.equals(Mailbox.INBOX)) {
      return MailboxResult.NOT_ALLOWED;
    }
    Mailbox mailbox = find(owner, name);
    if (mailbox == null) {
      return MailboxResult.NONEXISTENT;
    }
    for (Mailbox other : repository.mailboxes(owner)) {
      if (mailbox.isAncestorOf(other.getName())) {
        return MailboxResult.NOT_ALLOWED;
      }
    }
    Mailbox locked = repository.lock(mailbox.getId());
    updates.expungeAll(locked);
    repository.remove(locked);
    feed.changed(locked.getId());
    return MailboxResult.OK;
  }

  /**
   * Renames a mailbox and those below it. Renaming INBOX moves its messages to a new mailbox of
   * that name and leaves INBOX empty (RFC 3501 §6.3.5).
   */
  public MailboxResult rename(String owner, String from, String to) {
    Mailbox mailbox = find(owner, from);
    if (mailbox == null) {
      return MailboxResult.NONEXISTENT;
    }
    if (repository.find(owner, to) != null) {
      return MailboxResult.ALREADY_EXISTS;
    }
    if (to.startsWith(from + Mailbox.DELIMITER)) {
      return MailboxResult.NOT_ALLOWED;
    }
    if (from.equals(Mailbox.INBOX)) {
      create(owner, to, null);
      Mailbox target = repository.find(owner, to);
      long[] all =
          repository.messages(mailbox.getId()).stream().mapToLong(MailboxMessage::getUid).toArray();
      updates.copy(owner, mailbox.getId(), all, target.getName(), true);
      return MailboxResult.OK;
    }
    // Matched by the old name: the mailbox itself may be renamed first, and then no longer names
    // its children.
    for (Mailbox each : repository.mailboxes(owner)) {
      if (each.getName().equals(from) || each.getName().startsWith(from + Mailbox.DELIMITER)) {
        each.rename(to + each.getName().substring(from.length()));
        feed.changed(each.getId());
      }
    }
    int slash = -1;
    while ((slash = to.indexOf(Mailbox.DELIMITER, slash + 1)) > 0) {
      String parent = to.substring(0, slash);
      if (repository.find(owner, parent) == null) {
        add(owner, parent, null);
      }
    }
    return MailboxResult.OK;
  }

  public MailboxResult subscribe(String owner, String name, boolean subscribe) {
    boolean changed = repository.subscribe(owner, name, subscribe);
    return changed || subscribe ? MailboxResult.OK : MailboxResult.NONEXISTENT;
  }

  /** STATUS counters; null if there is no such mailbox. */
  public MailboxCounts status(String owner, String name) {
    Mailbox mailbox = find(owner, name);
    if (mailbox == null) {
      return null;
    }
    long[] counts = repository.counts(mailbox.getId(), mailbox.getFirstRecentUid());
    return new MailboxCounts(
        counts[0],
        counts[4],
        mailbox.getUidNext(),
        mailbox.getUidValidity(),
        counts[1],
        mailbox.getHighestModseq(),
        counts[2],
        counts[3]);
  }
}
