package dev.yubin.ejb.relay.application;

import dev.yubin.ejb.kernel.Notify;
import dev.yubin.ejb.relay.domain.NextHop;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.domain.RecipientOutcome;
import dev.yubin.ejb.relay.domain.RecipientState;
import dev.yubin.ejb.relay.domain.RetrySchedule;
import dev.yubin.ejb.relay.domain.Route;
import dev.yubin.ejb.reports.application.DeliveryLog;
import dev.yubin.ejb.reports.application.DeliveryNotifications;
import dev.yubin.ejb.reports.domain.DeliveryEvent;
import dev.yubin.ejb.reports.domain.DsnAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One delivery attempt for a queued message (RFC 5321 §5.1): the due recipients are grouped by
 * domain; each domain's mail exchangers are tried in preference order, each address in turn (at
 * most {@code yubin.relay.mx-address-limit}, never an internal one unless allowed), until the
 * recipients are delivered, refused for good, or every host failed; deferred recipients get their
 * next attempt from the retry schedule, and recipients that failed (or expired) are reported to the
 * sender. The envelope is saved after each domain; an attempt past its deadline starts no further
 * session, and the domains it did not reach stay due for the next queue run. Safe to call twice for
 * one id: a second call while the entry is claimed (an attempt runs, an operator changes it, or the
 * transaction queueing it has not ended) is dropped, and a recipient already delivered is never
 * sent again.
 */
@ApplicationScoped
public class RelayService implements RelayWork {

  private static final Logger LOG = Logger.getLogger(RelayService.class.getName());

  @Inject OutboundQueue queue;
  @Inject RelaySettings relay;
  @Inject NextHops nextHops;
  @Inject Transport transport;
  @Inject DeliveryLog events;
  @Inject DeliveryNotifications notifications;

  /** Attempts every due recipient of one queued message. */
  @Override
  public void process(String id) {
    Optional<OutboundQueue.Claim> claim = queue.claim(id);
    if (claim.isEmpty()) {
      return; // attempted, changed or still being queued by someone else: they announce it again
    }
    try (OutboundQueue.Claim attempt = claim.get()) {
      Optional<QueueEntry> found = queue.find(id);
      if (found.isPresent()) {
        attempt(found.get(), Instant.now());
      } else {
        LOG.info(() -> "relay: no queue entry " + id + " (done or deleted)");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "relay attempt for " + id + " failed; it stays queued", e);
    }
  }

  private void attempt(QueueEntry entry, Instant now) {
    List<QueuedRecipient> due =
        entry.pending().stream().filter(r -> !r.nextAttempt().isAfter(now)).toList();
    if (due.isEmpty()) {
      return;
    }
    Map<String, List<QueuedRecipient>> byDomain = new LinkedHashMap<>();
    for (QueuedRecipient r : due) {
      byDomain.computeIfAbsent(domainOf(r.address()), d -> new ArrayList<>()).add(r);
    }
    Instant deadline =
        relay.attemptDeadline().isZero() ? Instant.MAX : now.plus(relay.attemptDeadline());
    RetrySchedule schedule = relay.retry();
    QueueEntry current = entry; // every outcome of this attempt
    QueueEntry progress = entry; // the same without the failures, whose reports are not written
    List<QueuedRecipient> failed = new ArrayList<>();
    List<DeliveryNotifications.Success> relayed = new ArrayList<>();
    int domainsLeft = byDomain.size();
    for (Map.Entry<String, List<QueuedRecipient>> group : byDomain.entrySet()) {
      domainsLeft--;
      if (!Instant.now().isBefore(deadline)) {
        // Not tried, so not deferred either: still due, the next queue run takes it.
        LOG.info(
            () ->
                entry.id()
                    + ": attempt deadline reached; "
                    + group.getKey()
                    + " waits for the next queue run");
        continue;
      }
      Map<String, RecipientOutcome> outcomes =
          deliverToDomain(current, group.getKey(), group.getValue(), deadline);
      for (QueuedRecipient r : group.getValue()) {
        RecipientOutcome o = outcomes.get(r.address());
        RecipientState state = o.state();
        Instant next = schedule.next(r.attempts() + 1, now);
        if (state == RecipientState.PENDING && schedule.expired(entry.arrived(), now)) {
          state = RecipientState.FAILED;
          o =
              new RecipientOutcome(
                  state,
                  "4.4.7",
                  "delivery time expired; last error: " + o.reply(),
                  o.remoteHost());
        }
        RecipientOutcome decided = o;
        RecipientState finalState = state;
        UnaryOperator<QueuedRecipient> attempted =
            q ->
                q.attempted(
                    finalState, next, decided.status(), decided.reply(), decided.remoteHost());
        current = current.withRecipient(r.address(), attempted);
        if (finalState != RecipientState.FAILED) {
          progress = progress.withRecipient(r.address(), attempted);
        }
        record(entry.id(), r.address(), finalState, decided);
        if (finalState == RecipientState.DELIVERED
            && !decided.dsnPassedOn()
            && r.notifyOn().contains(Notify.SUCCESS.name())) {
          // The next hop does not do DSN: it will not report, so we do (RFC 3461 §6.2.7.2).
          relayed.add(
              new DeliveryNotifications.Success(r, DsnAction.RELAYED, decided.remoteHost()));
        }
        if (finalState == RecipientState.FAILED) {
          failed.add(
              current.recipients().stream()
                  .filter(q -> q.address().equals(r.address()))
                  .findFirst()
                  .orElseThrow());
        }
      }
      if (domainsLeft > 0) {
        // Saved before the next domain is tried, so that a crash repeats at most this domain's
        // deliveries (ADR 8). A failure is saved with its report, at the end: until then a crash
        // repeats its attempt rather than lose the report.
        if (!relayed.isEmpty()) {
          notifications.succeeded(current, relayed);
          relayed.clear();
        }
        queue.update(progress);
      }
    }
    Duration delayWarning = relay.delayWarning();
    if (delayWarning.compareTo(Duration.ZERO) > 0
        && !current.delayReported()
        && !current.pending().isEmpty()
        && !now.isBefore(entry.arrived().plus(delayWarning))) {
      notifications.delayed(current, current.pending(), entry.arrived().plus(schedule.lifetime()));
      current = current.withDelayReported();
    }
    if (!relayed.isEmpty()) {
      notifications.succeeded(current, relayed);
    }
    if (!failed.isEmpty()) {
      // Before the update, which removes a finished entry and with it the content the report
      // returns. A crash in between repeats the attempt, and at worst the report.
      notifications.failed(current, failed);
    }
    queue.update(current);
  }

  private Map<String, RecipientOutcome> deliverToDomain(
      QueueEntry entry, String domain, List<QueuedRecipient> recipients, Instant deadline) {
    Map<String, RecipientOutcome> outcomes = new LinkedHashMap<>();
    Route route = nextHops.resolve(domain);
    if (!route.isRouted()) {
      for (QueuedRecipient r : recipients) {
        outcomes.put(r.address(), route.failure());
      }
      return outcomes;
    }
    List<QueuedRecipient> remaining = new ArrayList<>(recipients);
    String lastError = "no mail exchanger answered";
    String lastStatus = "4.4.1";
    String lastHost = null;
    for (NextHop hop : route.hops()) {
      if (!Instant.now().isBefore(deadline)) {
        lastError =
            "attempt deadline reached before "
                + hop.host()
                + " was tried; last error: "
                + lastError;
        break;
      }
      Transport.HopResult result = transport.deliver(hop, domain, entry, remaining, deadline);
      List<QueuedRecipient> deferred = new ArrayList<>();
      for (Map.Entry<String, RecipientOutcome> each : result.recipients().entrySet()) {
        QueuedRecipient r = byAddress(remaining, each.getKey());
        RecipientOutcome outcome = each.getValue();
        if (outcome.state() == RecipientState.PENDING) {
          deferred.add(r);
          lastError = outcome.reply();
          lastStatus = outcome.status();
          lastHost = outcome.remoteHost();
        } else {
          outcomes.put(r.address(), outcome);
        }
      }
      remaining = deferred;
      if (remaining.isEmpty() || !result.tryNextHost()) {
        break;
      }
    }
    for (QueuedRecipient r : remaining) {
      outcomes.put(
          r.address(),
          new RecipientOutcome(RecipientState.PENDING, lastStatus, lastError, lastHost));
    }
    return outcomes;
  }

  private void record(String id, String recipient, RecipientState state, RecipientOutcome o) {
    DeliveryEvent.Kind kind =
        switch (state) {
          case DELIVERED -> DeliveryEvent.Kind.DELIVERED;
          case FAILED -> DeliveryEvent.Kind.BOUNCED;
          case PENDING -> DeliveryEvent.Kind.DEFERRED;
        };
    LOG.info(
        () ->
            id
                + ": <"
                + recipient
                + "> "
                + kind.name().toLowerCase(Locale.ROOT)
                + (o.remoteHost() == null ? "" : " via " + o.remoteHost())
                + ": "
                + o.reply());
    try {
      events.record(id, recipient, kind, o.status(), o.reply());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot record the delivery event of " + id, e);
    }
  }

  private static QueuedRecipient byAddress(List<QueuedRecipient> list, String address) {
    return list.stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
  }

  static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }
}
