package dev.yubin.ejb.application;

import dev.yubin.ejb.config.YubinSettings;
import dev.yubin.ejb.domain.model.StoredMessage;
import dev.yubin.ejb.infrastructure.persistence.jpa.MessageRepository;
import dev.yubin.ejb.infrastructure.store.FileContentStore;
import dev.yubin.ejb.infrastructure.store.SpoolFile;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.smtp.Envelope;
import dev.yubin.protocol.smtp.SmtpSessionInfo;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts mail for local accounts: decides on recipients and stores each accepted message in every
 * recipient's INBOX, durably, before the SMTP server may answer 250.
 */
@ApplicationScoped
@Transactional
public class LocalDelivery {

  static final String INBOX = "INBOX";
  private static final Logger LOG = Logger.getLogger(LocalDelivery.class.getName());

  @Inject AccountService accounts;
  @Inject MessageRepository messages;
  @Inject MailStore store;
  @Inject YubinSettings settings;
  @Resource TransactionSynchronizationRegistry transactions;

  /** RCPT: local users are accepted; other local addresses are unknown; other domains are relay. */
  public Reply checkRecipient(String forwardPath) {
    Address address = Address.parse(forwardPath).orElse(null);
    if (address == null) {
      return Reply.of(550, "5.1.3", "Bad recipient address syntax");
    }
    if (!accounts.isLocalDomain(address.domain())) {
      return Reply.of(550, "5.7.1", "<" + forwardPath + ">: Relay access denied");
    }
    if (accounts.find(address.toString()).isEmpty()) {
      return Reply.of(
          550, "5.1.1", "<" + forwardPath + ">: Recipient address rejected: User unknown");
    }
    return Reply.of(250, "2.1.5", "Ok");
  }

  /** End of DATA: one durable copy per recipient, trace fields prepended, then 250. */
  public Reply deliver(SmtpSessionInfo session, Envelope envelope, SpoolFile spool) {
    Path content = spool.finish();
    String queueId = spool.queueId();
    try {
      ZonedDateTime now = ZonedDateTime.now();
      FileContentStore files = store.files();
      List<String[]> written = new ArrayList<>();
      removeIfRolledBack(files, written);
      for (String recipient : envelope.recipients()) {
        Address owner = Address.parse(recipient).orElseThrow();
        String trace =
            TraceHeaders.returnPath(envelope.reversePath())
                + TraceHeaders.received(session, settings.hostname(), queueId, recipient, now);
        FileContentStore.Stored stored =
            files.store(owner.toString(), INBOX, TraceHeaders.bytes(trace), content);
        written.add(new String[] {owner.toString(), stored.key()});
        messages.add(
            new StoredMessage(
                owner.toString(),
                INBOX,
                stored.key(),
                stored.size(),
                OffsetDateTime.now(ZoneOffset.UTC)));
      }
      return Reply.of(250, "2.0.0", "Ok: queued as " + queueId);
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "cannot store message " + queueId, e);
      transactions.setRollbackOnly(); // no copy is kept when not all could be stored
      return Reply.of(451, "4.3.0", "Error: cannot store the message now, try again later");
    } finally {
      spool.discard();
    }
  }

  /**
   * A message whose index rows do not commit was not accepted (the client gets a 4xx): remove its
   * files, or recovery would index them and the client's retry would deliver twice.
   */
  private void removeIfRolledBack(FileContentStore files, List<String[]> written) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              return;
            }
            for (String[] file : written) {
              try {
                files.delete(file[0], INBOX, file[1]);
              } catch (IOException e) {
                LOG.log(Level.SEVERE, "cannot remove uncommitted message " + file[1], e);
              }
            }
          }
        });
  }
}
