package dev.yubin.ejb.mailbox.application;

import dev.yubin.ejb.mailbox.domain.Flags;
import dev.yubin.ejb.mailbox.domain.Mailbox;
import dev.yubin.ejb.mailbox.domain.MailboxMessage;
import dev.yubin.ejb.mailbox.domain.MessageContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Moves one message of the first store into its owner's INBOX, in one transaction: the content row
 * (its file stays where it is, parsed once now), the placement under INBOX's next UID with the
 * arrival time as internal date and the old unique id as POP3 UIDL (so POP3 clients do not fetch
 * everything again), and the old row's removal. A crash before the commit leaves the old row; after
 * it, nothing to redo: never twice.
 */
@ApplicationScoped
@Transactional
public class LegacyMessageImport {

  @Inject MailboxRepository repository;
  @Inject ContentFiles files;
  @Inject MessageAnalyzer analyzer;
  @Inject LegacyMessages legacy;

  /** The owner's mailboxes must exist. Answers the new UID. */
  public long move(LegacyMessages.Legacy message) {
    MessageAnalyzer.Analysis analysis;
    try (InputStream in = files.open(message.path())) {
      analysis = analyzer.analyze(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + message.path(), e);
    }
    MessageContent content =
        new MessageContent(message.key(), message.path(), message.size(), message.receivedAt());
    content.describe(analysis.structure(), analysis.fields());
    repository.add(content);
    Mailbox inbox = repository.lock(repository.find(message.owner(), Mailbox.INBOX).getId());
    long uid = inbox.allocateUids(1);
    repository.add(
        new MailboxMessage(
            inbox.getId(),
            uid,
            content.getId(),
            inbox.nextModseq(),
            message.receivedAt(),
            message.size(),
            Flags.none(),
            message.key()));
    legacy.remove(message);
    return uid;
  }
}
