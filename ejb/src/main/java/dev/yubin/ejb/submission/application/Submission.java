package dev.yubin.ejb.submission.application;

import dev.yubin.api.FilterResult;
import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.accounts.application.Addressing;
import dev.yubin.ejb.accounts.application.addressing.RecipientResolver;
import dev.yubin.ejb.accounts.application.addressing.Resolution;
import dev.yubin.ejb.kernel.Envelope;
import dev.yubin.ejb.kernel.EnvelopeRecipient;
import dev.yubin.ejb.kernel.Notify;
import dev.yubin.ejb.kernel.Origin;
import dev.yubin.ejb.kernel.Outcome;
import dev.yubin.ejb.mailbox.application.MessageAppender;
import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.relay.application.OutboundQueue;
import dev.yubin.ejb.relay.application.QueueEntries;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.domain.RecipientState;
import dev.yubin.ejb.reports.application.DeliveryLog;
import dev.yubin.ejb.reports.application.DeliveryNotifications;
import dev.yubin.ejb.reports.domain.DeliveryEvent;
import dev.yubin.ejb.reports.domain.DsnAction;
import dev.yubin.ejb.submission.application.filter.FilterChain;
import dev.yubin.ejb.submission.domain.IncomingMessage;
import dev.yubin.ejb.submission.domain.MessageHeader;
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
 * The one way mail comes in, whatever its origin (SMTP on the MX and submission ports, reports
 * written here; webmail and JMS later): decides on senders and recipients (accounts, aliases,
 * subaddresses, catch-alls, postmaster, quotas), runs the filter chain, stores each accepted
 * message in the INBOX of every mailbox it reaches, once and durably, and queues it for remote
 * recipients, all before the origin is told it was accepted.
 */
@ApplicationScoped
@Transactional
public class Submission {

  static final String INBOX = "INBOX";

  private static final Outcome OK_RECIPIENT = Outcome.accepted("2.1.5", "Ok");

  /** The largest header section accepted (Postfix's header_size_limit is 100 KiB). */
  static final int HEADER_LIMIT = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(Submission.class.getName());

  @Inject AccountService accounts;
  @Inject Addressing addressing;
  @Inject MessageAppender appender;
  @Inject YubinSettings settings;
  @Inject OutboundQueue outbound;
  @Inject FilterChain filters;
  @Inject DeliveryNotifications notifications;
  @Inject DeliveryLog events;
  @Inject SubmissionPolicy policy;
  @Resource TransactionSynchronizationRegistry transactions;

  /** MAIL: who may send as whom (see {@link SubmissionPolicy}). */
  public Outcome checkSender(Origin origin, String reversePath) {
    return policy.checkSender(origin.authenticatedUser(), reversePath);
  }

  /**
   * RCPT: a local address is accepted when it resolves to someone (see {@link RecipientResolver})
   * and none of its mailboxes is full; other domains are relay: refused on MX (never an open
   * relay), queued for authenticated senders.
   */
  public Outcome checkRecipient(Origin origin, String forwardPath) {
    Resolution resolution = addressing.resolver().resolve(forwardPath);
    logProblems(forwardPath, resolution);
    return switch (resolution.outcome()) {
      case NOT_LOCAL ->
          origin.authenticated()
              ? OK_RECIPIENT // relayed for an authenticated sender
              : Outcome.permanentFailure("5.7.1", "<" + forwardPath + ">: Relay access denied");
      case DELIVER ->
          QuotaCheck.atRecipient(forwardPath, usages(resolution.mailboxes())).orElse(OK_RECIPIENT);
      default -> Routes.refusal(forwardPath, resolution.outcome()).orElseThrow();
    };
  }

  /**
   * End of DATA: the filter chain decides and may rewrite; then every recipient is resolved, each
   * mailbox reached gets one durable copy with trace fields prepended (however many recipients or
   * aliases lead to it), remote recipients are queued, and the message is accepted. A recipient
   * that can no longer be delivered (unknown since RCPT, or its copy would overflow the quota) is
   * refused for good: by the reply when nobody else gets the message, else by a failure report to
   * the sender, as Postfix's local delivery bounces. A temporary failure defers the whole message
   * before anything is stored.
   *
   * @param origin where the message comes from; an SMTP client's name is looked up before this
   *     transaction, so that a slow DNS never holds one open
   */
  public Outcome submit(Origin origin, Envelope envelope, SpooledMessage spool) {
    Path content = spool.finish();
    String queueId = spool.queueId();
    try {
      IncomingMessage message =
          new IncomingMessage(
              content, HEADER_LIMIT, envelope.reversePath(), envelope.recipients(), origin);
      FilterResult verdict = filters.run(message);
      if (verdict.action() == FilterResult.Action.REJECT) {
        return new Outcome.PermanentFailure(verdict.status(), verdict.text(), verdict.code());
      }
      if (verdict.action() == FilterResult.Action.DEFER) {
        return new Outcome.TemporaryFailure(verdict.status(), verdict.text(), verdict.code());
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
                    origin, settings.hostname(), queueId, mailbox.getValue(), now);
        byte[] prefix = concat(TraceHeaders.bytes(trace), header);
        prefixes.put(mailbox.getKey(), prefix);
        copies.add(new QuotaCheck.Copy(usage(mailbox.getKey()), prefix.length + bodySize));
      }
      Map<String, Outcome> refused = new LinkedHashMap<>(routes.refused());
      for (String full : QuotaCheck.overflowing(copies)) {
        String forwardPath = routes.mailboxes().get(full);
        refused.putIfAbsent(forwardPath, QuotaCheck.overflow(forwardPath));
        prefixes.remove(full);
      }
      if (prefixes.isEmpty() && routes.remote().isEmpty() && !refused.isEmpty()) {
        Outcome refusal = refused.values().iterator().next();
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
                origin,
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
      return Outcome.accepted("2.0.0", "Ok: queued as " + queueId);
    } catch (MessageHeader.HeaderTooLargeException e) {
      return Outcome.permanentFailure("5.3.4", "Error: message header size exceeds limit");
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "cannot store message " + queueId, e);
      transactions.setRollbackOnly(); // no copy is kept when not all could be stored
      return Outcome.temporaryFailure(
          "4.3.0", "Error: cannot store the message now, try again later");
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
      events.record(queueId, owner, DeliveryEvent.Kind.DELIVERED, "2.0.0", "stored in " + INBOX);
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
    for (EnvelopeRecipient recipient : envelope.rcptTo()) {
      if (!recipient.notifyOn().contains(Notify.SUCCESS)
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
    notifications.succeeded(arrival, successes, content);
  }

  /** Recipients refused after the others were accepted: recorded, and reported to the sender. */
  private void report(String queueId, Envelope envelope, Map<String, Outcome> refused, Path content)
      throws IOException {
    Instant now = Instant.now();
    List<QueuedRecipient> failed = new ArrayList<>();
    QueueEntry arrival =
        QueueEntries.from(queueId, envelope, List.copyOf(refused.keySet()), content);
    for (QueuedRecipient recipient : arrival.recipients()) {
      Outcome refusal = refused.get(recipient.address());
      LOG.info(queueId + ": <" + recipient.address() + "> bounced: " + refusal);
      events.record(
          queueId,
          recipient.address(),
          DeliveryEvent.Kind.BOUNCED,
          refusal.status(),
          refusal.toString());
      failed.add(
          recipient.attempted(
              RecipientState.FAILED, now, refusal.status(), refusal.toString(), null));
    }
    notifications.refusedOnArrival(arrival, failed, content);
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
