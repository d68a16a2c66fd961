package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores new messages into mailboxes: IMAP APPEND, webmail's drafts and sent copies, and local
 * delivery. The content file is written and forced first, parsed once, then the placement gets the
 * mailbox's next UID in the same transaction; if that transaction does not commit, the file is
 * removed (ADR 0003, 0009).
 */
@ApplicationScoped
@Transactional
public class MessageAppender {

  private static final Logger LOG = Logger.getLogger(MessageAppender.class.getName());

  @Inject MailboxRepository repository;
  @Inject MailboxFolders folders;
  @Inject ContentFiles files;
  @Inject MessageAnalyzer analyzer;
  @Inject MailboxChangeFeed feed;
  @Inject MailboxQuotas quotas;
  @Resource TransactionSynchronizationRegistry transactions;

  /** APPEND: stores the message in {@code spooled} into a mailbox of the owner. */
  public AppendResult append(
      String owner, String name, Flags flags, OffsetDateTime internalDate, Path spooled) {
    Mailbox mailbox = folders.find(owner, name);
    if (mailbox == null) {
      return AppendResult.failed(AppendResult.Status.NO_MAILBOX);
    }
    long size;
    try {
      size = Files.size(spooled);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Long limit = quotas.limit(owner);
    if (limit != null && repository.usage(owner)[0] + size > limit) {
      return AppendResult.failed(AppendResult.Status.OVER_QUOTA);
    }
    Placed placed = place(mailbox.getId(), new byte[0], spooled, 0, flags, internalDate);
    return new AppendResult(AppendResult.Status.OK, placed.uidValidity(), placed.uid());
  }

  /**
   * Delivery: stores {@code prefix} (trace fields) followed by {@code body} from {@code offset} on
   * into the owner's INBOX, \Recent to the next reader.
   */
  public Placed deliver(String owner, byte[] prefix, Path body, long offset, OffsetDateTime when) {
    folders.ensureDefaults(owner);
    Mailbox inbox = repository.find(owner, Mailbox.INBOX);
    return place(inbox.getId(), prefix, body, offset, Flags.none(), when);
  }

  /** The bytes the owner's messages take, in every mailbox (what quotas limit). */
  public long usage(String owner) {
    return repository.usage(owner)[0];
  }

  /** A message just placed: the content file's key, the mailbox's UIDVALIDITY and the new UID. */
  public record Placed(String key, long uidValidity, long uid, long size) {}

  private Placed place(
      long mailboxId,
      byte[] prefix,
      Path body,
      long offset,
      Flags flags,
      OffsetDateTime internalDate) {
    ContentFiles.Stored stored;
    MessageAnalyzer.Analysis analysis;
    try {
      try (InputStream in = concat(prefix, body, offset)) {
        analysis = analyzer.analyze(in);
      }
      stored = files.store(prefix, body, offset);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a message", e);
    }
    removeUnlessCommitted(stored.path());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    MessageContent content = new MessageContent(stored.key(), stored.path(), stored.size(), now);
    content.describe(analysis.structure(), analysis.fields());
    repository.add(content);
    Mailbox mailbox = repository.lock(mailboxId);
    long uid = mailbox.allocateUids(1);
    long modseq = mailbox.nextModseq();
    repository.add(
        new MailboxMessage(
            mailboxId,
            uid,
            content.getId(),
            modseq,
            internalDate == null ? now : internalDate,
            stored.size(),
            flags,
            stored.key()));
    mailbox.addKeywords(flags.keywords());
    feed.changed(mailboxId);
    return new Placed(stored.key(), mailbox.getUidValidity(), uid, stored.size());
  }

  private static InputStream concat(byte[] prefix, Path body, long offset) throws IOException {
    InputStream in = Files.newInputStream(body);
    in.skipNBytes(offset);
    return new SequenceInputStream(new ByteArrayInputStream(prefix), in);
  }

  /** The client will hear of a failure and retry: a file its failed transaction wrote must go. */
  private void removeUnlessCommitted(String path) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              try {
                files.delete(path);
              } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot remove " + path + " of a failed store", e);
              }
            }
          }
        });
  }
}
