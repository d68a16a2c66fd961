package dev.yubin.ejb.submission.application;

import dev.yubin.api.FilterResult;
import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.application.Addressing;
import dev.yubin.ejb.accounts.application.addressing.RecipientResolver;
import dev.yubin.ejb.accounts.application.addressing.Resolution;
import dev.yubin.ejb.mailbox.application.MessageAppender;
import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.platform.infrastructure.store.SpoolFile;
import dev.yubin.ejb.relay.application.OutboundQueue;
import dev.yubin.ejb.relay.application.QueueEntries;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.domain.RecipientState;
import dev.yubin.ejb.reports.application.DeliveryNotifications;
import dev.yubin.ejb.reports.domain.DeliveryEvent;
import dev.yubin.ejb.reports.domain.DsnAction;
import dev.yubin.ejb.reports.domain.OriginalMessage;
import dev.yubin.ejb.reports.infrastructure.DeliveryEventRepository;
import dev.yubin.ejb.submission.application.filter.FilterChain;
import dev.yubin.ejb.submission.domain.IncomingMessage;
import dev.yubin.ejb.submission.domain.MessageHeader;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.smtp.DsnNotify;
import dev.yubin.protocol.smtp.Envelope;
import dev.yubin.protocol.smtp.Recipient;
import dev.yubin.protocol.smtp.SmtpSessionInfo;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts mail for local addresses: decides on recipients (accounts, aliases, subaddresses,
 * catch-alls, postmaster, quotas) and stores each accepted message in the INBOX of every mailbox it
 * reaches, once and durably, before the SMTP server may answer 250.
 */
@ApplicationScoped
@Transactional
public class LocalDelivery {

  static final String INBOX = "INBOX";

  /** The largest header section accepted (Postfix's header_size_limit is 100 KiB). */
  static final int HEADER_LIMIT = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(LocalDelivery.class.getName());

  @Inject AccountService accounts;
  @Inject Addressing addressing;
  @Inject MessageAppender appender;
  @Inject YubinSettings settings;
  @Inject OutboundQueue outbound;
  @Inject FilterChain filters;
  @Inject DeliveryNotifications notifications;
  @Inject DeliveryEventRepository events;
  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * RCPT: a local address is accepted when it resolves to someone (see {@link RecipientResolver})
   * and none of its mailboxes is full; other domains are relay: refused on MX (never an open
   * relay), queued for authenticated senders.
   */
  public Reply checkRecipient(String forwardPath, boolean authenticated) {
    Resolution resolution = addressing.resolver().resolve(forwardPath);
    logProblems(forwardPath, resolution);
    return switch (resolution.outcome()) {
      case NOT_LOCAL ->
          authenticated
              ? Reply.of(250, "2.1.5", "Ok") // relayed for an authenticated sender
              : Reply.of(550, "5.7.1", "<" + forwardPath + ">: Relay access denied");
      case DELIVER ->
          QuotaCheck.atRecipient(forwardPath, usages(resolution.mailboxes()))
              .orElse(Reply.of(250, "2.1.5", "Ok"));
      default -> Routes.refusal(forwardPath, resolution.outcome()).orElseThrow();
    };
  }

  /**
   * End of DATA: the filter chain decides and may rewrite; then every recipient is resolved, each
   * mailbox reached gets one durable copy with trace fields prepended (however many recipients or
   * aliases lead to it), remote recipients are queued, and the answer is 250. A recipient that can
   * no longer be delivered (unknown since RCPT, or its copy would overflow the quota) is refused
   * for good: by the reply when nobody else gets the message, else by a failure report to the
   * sender, as Postfix's local delivery bounces. A temporary failure defers the whole message
   * before anything is stored.
   *
   * @param client the client as the Received header names it ({@link ClientNames#describe}), looked
   *     up before this transaction
   */
  public Reply deliver(SmtpSessionInfo session, String client, Envelope envelope, SpoolFile spool) {
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
      RecipientResolver resolver = addressing.resolver();
      Routes routes =
          Routes.of(
              message.recipients(),
              recipient -> {
                Resolution resolution = resolver.resolve(recipient);
                logProblems(recipient, resolution);
                return resolution;
              });
      if (routes.deferral().isPresent()) {
        LOG.warning("message " + queueId + " deferred: " + routes.deferral().get());
        return routes.deferral().get();
      }
      byte[] header = message.headerBytes();
      long bodySize = Files.size(content) - message.bodyOffset();
      ZonedDateTime now = ZonedDateTime.now();
      Map<String, byte[]> prefixes = new LinkedHashMap<>();
      List<QuotaCheck.Copy> copies = new ArrayList<>();
      for (Map.Entry<String, String> mailbox : routes.mailboxes().entrySet()) {
        String trace =
            TraceHeaders.returnPath(envelope.reversePath())
                + TraceHeaders.received(
                    session, client, settings.hostname(), queueId, mailbox.getValue(), now);
        byte[] prefix = concat(TraceHeaders.bytes(trace), header);
        prefixes.put(mailbox.getKey(), prefix);
        copies.add(new QuotaCheck.Copy(usage(mailbox.getKey()), prefix.length + bodySize));
      }
      Map<String, Reply> refused = new LinkedHashMap<>(routes.refused());
      for (String full : QuotaCheck.overflowing(copies)) {
        String forwardPath = routes.mailboxes().get(full);
        refused.putIfAbsent(forwardPath, QuotaCheck.overflow(forwardPath));
        prefixes.remove(full);
      }
      if (prefixes.isEmpty() && routes.remote().isEmpty() && !refused.isEmpty()) {
        Reply refusal = refused.values().iterator().next();
        LOG.info("message " + queueId + " refused: " + refusal);
        return refusal;
      }
      List<Undo> written = new ArrayList<>();
      afterCompletion(written);
      store(queueId, prefixes, content, message.bodyOffset());
      if (!routes.remote().isEmpty()) {
        List<String> destinations = List.copyOf(routes.remote());
        String trace =
            TraceHeaders.received(
                session,
                client,
                settings.hostname(),
                queueId,
                destinations.size() == 1 ? destinations.get(0) : null,
                now);
        outbound.add(
            QueueEntries.from(queueId, envelope, destinations, content),
            concat(TraceHeaders.bytes(trace), header),
            content,
            message.bodyOffset()); // relayed once this transaction commits
      }
      if (!refused.isEmpty()) {
        report(queueId, envelope, refused, content);
      }
      reportSuccesses(queueId, envelope, message.recipients(), refused.keySet(), resolver, content);
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

  /** One copy in each mailbox's INBOX (the store forces the file before its row, ADR 0009). */
  private void store(String queueId, Map<String, byte[]> prefixes, Path content, int bodyOffset) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (Map.Entry<String, byte[]> copy : prefixes.entrySet()) {
      String owner = copy.getKey();
      appender.deliver(owner, copy.getValue(), content, bodyOffset, now);
      events.add(
          new DeliveryEvent(
              queueId, owner, DeliveryEvent.Kind.DELIVERED, "2.0.0", "stored in " + INBOX));
    }
  }

  /**
   * Local recipients whose sender asked NOTIFY=SUCCESS get a success report: delivered, or expanded
   * when an alias passed the message on to several mailboxes or to another domain (RFC 3461
   * §6.2.7). Remote recipients are the relay's to report; recipients a filter removed get none.
   */
  private void reportSuccesses(
      String queueId,
      Envelope envelope,
      List<String> kept,
      Set<String> refused,
      RecipientResolver resolver,
      Path content)
      throws IOException {
    Map<String, DsnAction> actions = new LinkedHashMap<>();
    for (Recipient recipient : envelope.rcptTo()) {
      if (!recipient.notifyOn().contains(DsnNotify.SUCCESS)
          || !kept.contains(recipient.address()) // a filter took it out
          || refused.contains(recipient.address())) {
        continue;
      }
      Resolution resolution = resolver.resolve(recipient.address());
      if (resolution.outcome() == Resolution.Outcome.DELIVER) {
        // Forwarded elsewhere, or to several mailboxes: what happens next is not ours to report.
        boolean expanded = !resolution.remote().isEmpty() || resolution.mailboxes().size() > 1;
        actions.putIfAbsent(
            recipient.address(), expanded ? DsnAction.EXPANDED : DsnAction.DELIVERED);
      }
    }
    if (actions.isEmpty()) {
      return;
    }
    QueueEntry arrival =
        QueueEntries.from(queueId, envelope, List.copyOf(actions.keySet()), content);
    List<DeliveryNotifications.Success> successes =
        arrival.recipients().stream()
            .map(r -> new DeliveryNotifications.Success(r, actions.get(r.address()), null))
            .toList();
    notifications.succeeded(arrival, successes, OriginalMessage.Content.of(content));
  }

  /** Recipients refused after the others were accepted: recorded, and reported to the sender. */
  private void report(String queueId, Envelope envelope, Map<String, Reply> refused, Path content)
      throws IOException {
    Instant now = Instant.now();
    List<QueuedRecipient> failed = new ArrayList<>();
    QueueEntry arrival =
        QueueEntries.from(queueId, envelope, List.copyOf(refused.keySet()), content);
    for (QueuedRecipient recipient : arrival.recipients()) {
      Reply refusal = refused.get(recipient.address());
      LOG.info(queueId + ": <" + recipient.address() + "> bounced: " + refusal);
      events.add(
          new DeliveryEvent(
              queueId,
              recipient.address(),
              DeliveryEvent.Kind.BOUNCED,
              refusal.status(),
              refusal.toString()));
      failed.add(
          recipient.attempted(
              RecipientState.FAILED, now, refusal.status(), refusal.toString(), null));
    }
    notifications.refusedOnArrival(arrival, failed, content);
  }

  /**
   * Stores a message this server wrote itself (a delivery status notification) in a local mailbox,
   * durably, with {@code prefix} (its trace fields) before the content.
   */
  public void storeGenerated(String mailbox, byte[] prefix, Path content) {
    appender.deliver(mailbox, prefix, content, 0, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** The mailboxes an address of a local domain reaches, empty when none (or not local). */
  public List<String> localMailboxes(String address) {
    Resolution resolution = addressing.resolver().resolve(address);
    return resolution.outcome() == Resolution.Outcome.DELIVER
        ? List.copyOf(resolution.mailboxes())
        : List.of();
  }

  /** The quota and usage of each mailbox; usage is only summed for mailboxes with a quota. */
  private List<QuotaCheck.Usage> usages(List<String> mailboxes) {
    return mailboxes.stream().map(this::usage).toList();
  }

  private QuotaCheck.Usage usage(String mailbox) {
    Optional<Long> quota = accounts.quota(mailbox);
    return new QuotaCheck.Usage(
        mailbox, quota.orElse(null), quota.isPresent() ? appender.usage(mailbox) : 0);
  }

  private static void logProblems(String recipient, Resolution resolution) {
    for (String problem : resolution.problems()) {
      LOG.warning("<" + recipient + ">: " + problem);
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
   * files, or recovery would index them and the client's retry would deliver twice. (Its queue
   * entries are the queue's to remove: see {@link OutboundQueue#add}.)
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
}
