package dev.yubin.ejb.application;

import dev.yubin.api.FilterResult;
import dev.yubin.ejb.application.filter.FilterChain;
import dev.yubin.ejb.application.relay.OutboundQueue;
import dev.yubin.ejb.application.relay.QueueEntries;
import dev.yubin.ejb.application.relay.QueueRunner;
import dev.yubin.ejb.config.YubinSettings;
import dev.yubin.ejb.domain.mail.IncomingMessage;
import dev.yubin.ejb.domain.mail.MessageHeader;
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
import java.util.Arrays;
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

  /** The largest header section accepted (Postfix's header_size_limit is 100 KiB). */
  static final int HEADER_LIMIT = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(LocalDelivery.class.getName());

  @Inject AccountService accounts;
  @Inject MessageRepository messages;
  @Inject MailStore store;
  @Inject YubinSettings settings;
  @Inject FilterChain filters;
  @Inject ClientNames clientNames;
  @Inject OutboundQueue outbound;
  @Inject QueueRunner runner;
  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * RCPT: local users are accepted; other local addresses are unknown; other domains are relay:
   * refused on MX (never an open relay), queued for authenticated senders.
   */
  public Reply checkRecipient(String forwardPath, boolean authenticated) {
    Address address = Address.parse(forwardPath).orElse(null);
    if (address == null) {
      return Reply.of(550, "5.1.3", "Bad recipient address syntax");
    }
    if (!accounts.isLocalDomain(address.domain())) {
      if (authenticated) {
        return Reply.of(250, "2.1.5", "Ok"); // relayed: authenticated submission
      }
      return Reply.of(550, "5.7.1", "<" + forwardPath + ">: Relay access denied");
    }
    if (!accounts.exists(address.toString())) {
      return Reply.of(
          550, "5.1.1", "<" + forwardPath + ">: Recipient address rejected: User unknown");
    }
    return Reply.of(250, "2.1.5", "Ok");
  }

  /**
   * End of DATA: the filter chain decides and may rewrite; then one durable copy per recipient,
   * trace fields prepended, then 250.
   */
  public Reply deliver(SmtpSessionInfo session, Envelope envelope, SpoolFile spool) {
    Path content = spool.finish();
    String queueId = spool.queueId();
    try {
      IncomingMessage message =
          new IncomingMessage(
              content,
              HEADER_LIMIT,
              envelope.reversePath(),
              envelope.recipients(),
              new IncomingMessage.Origin(
                  session.connection().remoteAddress(),
                  session.heloName(),
                  session.authenticatedUser(),
                  session.authenticatedUser() != null));
      FilterResult verdict = filters.run(message);
      if (verdict.action() != FilterResult.Action.CONTINUE) {
        return Reply.of(verdict.code(), verdict.status(), verdict.text());
      }
      byte[] header = message.headerBytes();
      String client = clientNames.describe(session.connection().remoteAddress());
      ZonedDateTime now = ZonedDateTime.now();
      FileContentStore files = store.files();
      List<Undo> written = new ArrayList<>();
      List<String> remote = new ArrayList<>();
      afterCompletion(written);
      for (String recipient : message.recipients()) {
        Address owner = Address.parse(recipient).orElse(null);
        if (owner != null && !accounts.isLocalDomain(owner.domain())) {
          remote.add(recipient);
          continue;
        }
        if (owner == null || !accounts.exists(owner.toString())) {
          LOG.warning("message " + queueId + ": no local mailbox for <" + recipient + ">");
          transactions.setRollbackOnly();
          return Reply.of(451, "4.3.0", "Error: cannot route <" + recipient + "> now");
        }
        String trace =
            TraceHeaders.returnPath(envelope.reversePath())
                + TraceHeaders.received(
                    session, client, settings.hostname(), queueId, recipient, now);
        FileContentStore.Stored stored =
            files.store(
                owner.toString(),
                INBOX,
                concat(TraceHeaders.bytes(trace), header),
                content,
                message.bodyOffset());
        written.add(() -> files.delete(owner.toString(), INBOX, stored.key()));
        messages.add(
            new StoredMessage(
                owner.toString(),
                INBOX,
                stored.key(),
                stored.size(),
                OffsetDateTime.now(ZoneOffset.UTC)));
      }
      if (!remote.isEmpty()) {
        String trace =
            TraceHeaders.received(
                session,
                client,
                settings.hostname(),
                queueId,
                remote.size() == 1 ? remote.get(0) : null,
                now);
        outbound.add(
            QueueEntries.from(queueId, envelope, remote, content),
            concat(TraceHeaders.bytes(trace), header),
            content,
            message.bodyOffset());
        written.add(() -> outbound.files().delete(queueId));
        relayAfterCommit(queueId);
      }
      return Reply.of(250, "2.0.0", "Ok: queued as " + queueId);
    } catch (MessageHeader.HeaderTooLargeException e) {
      return Reply.of(552, "5.3.4", "Error: message header size exceeds limit");
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "cannot store message " + queueId, e);
      transactions.setRollbackOnly(); // no copy is kept when not all could be stored
      return Reply.of(451, "4.3.0", "Error: cannot store the message now, try again later");
    } finally {
      spool.discard();
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** Undoes one durable write. */
  @FunctionalInterface
  interface Undo {
    void run() throws IOException;
  }

  /**
   * A message whose index rows do not commit was not accepted (the client gets a 4xx): remove its
   * files and queue entry, or recovery would index them and the client's retry would deliver twice.
   */
  private void afterCompletion(List<Undo> written) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              return;
            }
            for (Undo undo : written) {
              try {
                undo.run();
              } catch (IOException e) {
                LOG.log(Level.SEVERE, "cannot remove an uncommitted copy", e);
              }
            }
          }
        });
  }

  /**
   * Once the message is accepted, its queue entry is tried at once rather than at the next scan.
   */
  private void relayAfterCommit(String queueId) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              runner.kick(queueId);
            }
          }
        });
  }
}
