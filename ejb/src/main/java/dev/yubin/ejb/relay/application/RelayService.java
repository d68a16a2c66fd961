package dev.yubin.ejb.relay.application;

import dev.yubin.ejb.kernel.Notify;
import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.platform.infrastructure.dns.DnsSettings;
import dev.yubin.ejb.platform.infrastructure.dns.DnsjavaMailExchangerResolver;
import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import dev.yubin.ejb.platform.infrastructure.dns.LocalIdentity;
import dev.yubin.ejb.platform.infrastructure.dns.MailExchanger;
import dev.yubin.ejb.platform.infrastructure.dns.MailExchangerResolver;
import dev.yubin.ejb.platform.infrastructure.dns.MxResolution;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.domain.RecipientState;
import dev.yubin.ejb.relay.domain.RetrySchedule;
import dev.yubin.ejb.relay.infrastructure.smtp.ClientSettings;
import dev.yubin.ejb.relay.infrastructure.smtp.ConnectionCache;
import dev.yubin.ejb.relay.infrastructure.smtp.DeliveryReport;
import dev.yubin.ejb.relay.infrastructure.smtp.DeliveryStatus;
import dev.yubin.ejb.relay.infrastructure.smtp.OutboundMessage;
import dev.yubin.ejb.relay.infrastructure.smtp.Recipient;
import dev.yubin.ejb.relay.infrastructure.smtp.RecipientResult;
import dev.yubin.ejb.relay.infrastructure.smtp.SmtpClient;
import dev.yubin.ejb.relay.infrastructure.smtp.TlsPolicy;
import dev.yubin.ejb.relay.infrastructure.smtp.TrustAnchors;
import dev.yubin.ejb.reports.application.DeliveryLog;
import dev.yubin.ejb.reports.application.DeliveryNotifications;
import dev.yubin.ejb.reports.domain.DeliveryEvent;
import dev.yubin.ejb.reports.domain.DsnAction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

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
  @Inject YubinSettings settings;
  @Inject DeliveryLog events;
  @Inject DeliveryNotifications notifications;
  @Resource ManagedScheduledExecutorService scheduler;

  private MailExchangerResolver resolver;
  private SmtpClient client;
  private ConnectionCache connections;
  private ScheduledFuture<?> expiry;
  private RelaySettings relay;
  private final Map<TlsPolicy, ClientSettings> sessionSettings = new EnumMap<>(TlsPolicy.class);
  private LocalIdentity us;
  private boolean smarthost;
  private boolean smarthostElsewhere;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    Function<String, Optional<String>> property = key -> config.getOptionalValue(key, String.class);
    DnsSettings dns = DnsSettings.from(property);
    relay = RelaySettings.from(property);
    resolver = new DnsjavaMailExchangerResolver(dns);
    client = new SmtpClient();
    connections =
        new ConnectionCache(
            client,
            relay.connectionReuse().isZero()
                ? ConnectionCache.Limits.NONE
                : new ConnectionCache.Limits(
                    relay.connectionReuse(),
                    ConnectionCache.Limits.DEFAULTS.maxAge(),
                    ConnectionCache.Limits.DEFAULTS.maxMessages(),
                    ConnectionCache.Limits.DEFAULTS.maxIdlePerHop()));
    expiry = scheduler.scheduleWithFixedDelay(this::expireIdleSessions, 1, 1, TimeUnit.SECONDS);
    ClientSettings base = ClientSettings.defaults(settings.hostname());
    if (relay.caFile().isPresent()) {
      base = base.withTrust(TrustAnchors.fromPemFile(relay.caFile().get()));
    }
    int ourPort = config.getOptionalValue("yubin.smtp.port", Integer.class).orElse(2525);
    smarthost = dns.smarthost().isPresent();
    // A smarthost on one of our addresses but another port (a content filter, say) is not us.
    smarthostElsewhere =
        smarthost
            && (dns.smarthost().get().port() == DnsSettings.SMTP_PORT
                    ? relay.port()
                    : dns.smarthost().get().port())
                != ourPort;
    List<InetAddress> bind = new ArrayList<>();
    try {
      InetAddress address =
          InetAddress.getByName(
              config.getOptionalValue("yubin.bind", String.class).orElse("127.0.0.1"));
      bind.add(address);
      if (!address.isAnyLocalAddress()) {
        base = base.withSourceAddress(address); // connect from our own address
      }
    } catch (UnknownHostException e) {
      LOG.warning("yubin.bind is not an address: " + e.getMessage());
    }
    for (TlsPolicy policy : TlsPolicy.values()) {
      sessionSettings.put(policy, base.withTlsPolicy(policy));
    }
    us = LocalIdentity.of(settings.hostname(), bind);
    if (relay.allowInternalDestinations()) {
      LOG.warning(
          RelaySettings.ALLOW_INTERNAL + " is true: mail may go to loopback and private addresses");
    }
  }

  /** A periodic task: one that threw would never run again, so nothing gets out. */
  private void expireIdleSessions() {
    try {
      connections.expireIdle();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot close idle relay sessions", e);
    }
  }

  @PreDestroy
  void stop() {
    expiry.cancel(false);
    connections.close();
    client.close();
  }

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
      Map<String, Outcome> outcomes =
          deliverToDomain(current, group.getKey(), group.getValue(), deadline);
      for (QueuedRecipient r : group.getValue()) {
        Outcome o = outcomes.get(r.address());
        RecipientState state = o.status();
        Instant next = schedule.next(r.attempts() + 1, now);
        if (state == RecipientState.PENDING && schedule.expired(entry.arrived(), now)) {
          state = RecipientState.FAILED;
          o =
              new Outcome(
                  state, "4.4.7", "delivery time expired; last error: " + o.detail(), o.remote());
        }
        Outcome decided = o;
        RecipientState finalState = state;
        UnaryOperator<QueuedRecipient> attempted =
            q ->
                q.attempted(
                    finalState, next, decided.statusCode(), decided.detail(), decided.remote());
        current = current.withRecipient(r.address(), attempted);
        if (finalState != RecipientState.FAILED) {
          progress = progress.withRecipient(r.address(), attempted);
        }
        record(entry.id(), r.address(), finalState, decided);
        if (finalState == RecipientState.DELIVERED
            && !decided.dsnPassedOn()
            && r.notifyOn().contains(Notify.SUCCESS.name())) {
          // The next hop does not do DSN: it will not report, so we do (RFC 3461 §6.2.7.2).
          relayed.add(new DeliveryNotifications.Success(r, DsnAction.RELAYED, decided.remote()));
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

  /** The outcome for one recipient of one attempt. */
  record Outcome(
      RecipientState status, String statusCode, String detail, String remote, boolean dsnPassedOn) {

    Outcome(RecipientState status, String statusCode, String detail, String remote) {
      this(status, statusCode, detail, remote, false);
    }
  }

  private Map<String, Outcome> deliverToDomain(
      QueueEntry entry, String domain, List<QueuedRecipient> recipients, Instant deadline) {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    MxResolution resolution = resolver.resolve(domain);
    if (!smarthostElsewhere) {
      resolution = resolution.excludingLocal(us); // an MX that is us: bounce, never loop
    }
    if (!smarthost && !relay.allowInternalDestinations()) {
      // DNS and address literals are anyone's word; the smarthost is the operator's.
      MxResolution external = resolution.excludingInternal();
      if (external != resolution) {
        LOG.warning(
            () ->
                entry.id()
                    + ": internal addresses of "
                    + domain
                    + " skipped ("
                    + RelaySettings.ALLOW_INTERNAL
                    + " is false)");
      }
      resolution = external;
    }
    resolution = resolution.limitedTo(relay.mxAddressLimit());
    ClientSettings session =
        sessionSettings.get(smarthost ? relay.smarthostTls() : relay.tlsFor(domain));
    if (!resolution.isRouted()) {
      RecipientState state =
          resolution.isPermanentFailure() ? RecipientState.FAILED : RecipientState.PENDING;
      String status = resolution.failureStatus().orElse("4.4.3");
      String line = resolution.failureLine().orElse("451 4.4.3 no route to " + domain);
      for (QueuedRecipient r : recipients) {
        outcomes.put(r.address(), new Outcome(state, status, line, null));
      }
      return outcomes;
    }
    List<QueuedRecipient> remaining = new ArrayList<>(recipients);
    String lastError = "no mail exchanger answered";
    String lastStatus = "4.4.1";
    String lastHost = null;
    attempts:
    for (MailExchanger exchanger : resolution.exchangers()) {
      for (HostAndPort target : exchanger.targets()) {
        if (!Instant.now().isBefore(deadline)) {
          lastError =
              "attempt deadline reached before "
                  + target.host()
                  + " was tried; last error: "
                  + lastError;
          break attempts;
        }
        HostAndPort where =
            target.port() == DnsSettings.SMTP_PORT
                ? new HostAndPort(target.host(), relay.port(), target.address())
                : target;
        DeliveryReport report =
            connections.deliver(where, session, message(entry, remaining), deadline);
        List<QueuedRecipient> deferred = new ArrayList<>();
        for (RecipientResult result : report.recipients()) {
          QueuedRecipient r = byAddress(remaining, result.recipient().address());
          String remote = result.remote() ? exchanger.host() : null;
          if (result.status() == DeliveryStatus.DELIVERED) {
            outcomes.put(
                r.address(),
                new Outcome(
                    RecipientState.DELIVERED,
                    result.replyStatus(),
                    result.replyLine(),
                    remote,
                    report.dsnOffered()));
          } else if (result.status() == DeliveryStatus.FAILED) {
            outcomes.put(
                r.address(),
                new Outcome(
                    RecipientState.FAILED, result.replyStatus(), result.replyLine(), remote));
          } else {
            deferred.add(r);
            lastError = result.replyLine();
            lastStatus = result.replyStatus();
            lastHost = remote;
          }
        }
        remaining = deferred;
        if (remaining.isEmpty() || !report.tryNextHost()) {
          break attempts;
        }
      }
    }
    for (QueuedRecipient r : remaining) {
      outcomes.put(
          r.address(), new Outcome(RecipientState.PENDING, lastStatus, lastError, lastHost));
    }
    return outcomes;
  }

  private OutboundMessage message(QueueEntry entry, List<QueuedRecipient> recipients) {
    List<Recipient> to = new ArrayList<>();
    for (QueuedRecipient r : recipients) {
      // NOTIFY and ORCPT go on to a next hop that offers DSN (RFC 3461 §5.2.1).
      Set<Recipient.Notify> notify =
          r.notifyOn().stream().map(Recipient.Notify::valueOf).collect(Collectors.toSet());
      to.add(new Recipient(r.address(), notify, Optional.ofNullable(r.originalRecipient())));
    }
    long size;
    try {
      size = queue.size(entry.id());
    } catch (java.io.IOException e) {
      size = 0;
    }
    OutboundMessage message =
        OutboundMessage.of(entry.sender(), to, () -> queue.open(entry.id()), size)
            .withEightBit(entry.eightBit())
            .withSmtpUtf8(entry.smtpUtf8());
    if (entry.ret() != null || entry.envelopeId() != null) {
      message =
          message.withDsn(
              entry.ret() == null ? null : OutboundMessage.Ret.valueOf(entry.ret()),
              entry.envelopeId());
    }
    return message;
  }

  private void record(String id, String recipient, RecipientState state, Outcome o) {
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
                + (o.remote() == null ? "" : " via " + o.remote())
                + ": "
                + o.detail());
    try {
      events.record(id, recipient, kind, o.statusCode(), o.detail());
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
