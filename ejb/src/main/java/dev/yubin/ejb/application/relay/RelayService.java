package dev.yubin.ejb.application.relay;

import dev.yubin.ejb.config.YubinSettings;
import dev.yubin.ejb.domain.dsn.DsnAction;
import dev.yubin.ejb.domain.model.DeliveryEvent;
import dev.yubin.ejb.domain.queue.QueueEntry;
import dev.yubin.ejb.domain.queue.QueuedRecipient;
import dev.yubin.ejb.domain.queue.RecipientState;
import dev.yubin.ejb.domain.queue.RetrySchedule;
import dev.yubin.ejb.infrastructure.dns.DnsSettings;
import dev.yubin.ejb.infrastructure.dns.DnsjavaMailExchangerResolver;
import dev.yubin.ejb.infrastructure.dns.HostAndPort;
import dev.yubin.ejb.infrastructure.dns.LocalIdentity;
import dev.yubin.ejb.infrastructure.dns.MailExchanger;
import dev.yubin.ejb.infrastructure.dns.MailExchangerResolver;
import dev.yubin.ejb.infrastructure.dns.MxResolution;
import dev.yubin.ejb.infrastructure.messaging.RelayWork;
import dev.yubin.ejb.infrastructure.persistence.jpa.DeliveryEventRepository;
import dev.yubin.ejb.infrastructure.relay.ClientSettings;
import dev.yubin.ejb.infrastructure.relay.ConnectionCache;
import dev.yubin.ejb.infrastructure.relay.DeliveryReport;
import dev.yubin.ejb.infrastructure.relay.DeliveryStatus;
import dev.yubin.ejb.infrastructure.relay.OutboundMessage;
import dev.yubin.ejb.infrastructure.relay.Recipient;
import dev.yubin.ejb.infrastructure.relay.RecipientResult;
import dev.yubin.ejb.infrastructure.relay.SmtpClient;
import dev.yubin.protocol.Reply;
import dev.yubin.protocol.smtp.DsnNotify;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One delivery attempt for a queued message (RFC 5321 §5.1): the due recipients are grouped by
 * domain; each domain's mail exchangers are tried in preference order, each address in turn, until
 * the recipients are delivered, refused for good, or every host failed; deferred recipients get
 * their next attempt from the retry schedule, and recipients that failed (or expired) are reported
 * to the sender. Safe to call twice for one id: a second call while the entry is claimed (an
 * attempt runs, an operator changes it, or the transaction queueing it has not ended) is dropped,
 * and a recipient already delivered is never sent again.
 */
@ApplicationScoped
public class RelayService implements RelayWork {

  private static final Logger LOG = Logger.getLogger(RelayService.class.getName());

  @Inject OutboundQueue queue;
  @Inject YubinSettings settings;
  @Inject DeliveryEventRepository events;
  @Inject DeliveryNotifications notifications;
  @Resource ManagedScheduledExecutorService scheduler;

  private MailExchangerResolver resolver;
  private SmtpClient client;
  private ConnectionCache connections;
  private ScheduledFuture<?> expiry;
  private ClientSettings clientSettings;
  private LocalIdentity us;
  private RetrySchedule schedule;
  private int relayPort;
  private Duration delayWarning;
  private boolean smarthostElsewhere;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    DnsSettings dns = DnsSettings.from(key -> config.getOptionalValue(key, String.class));
    resolver = new DnsjavaMailExchangerResolver(dns);
    client = new SmtpClient();
    Duration idle =
        Duration.ofMillis(
            config.getOptionalValue("yubin.relay.connection-reuse", Long.class).orElse(2000L));
    connections =
        new ConnectionCache(
            client,
            idle.isZero()
                ? ConnectionCache.Limits.NONE
                : new ConnectionCache.Limits(
                    idle,
                    ConnectionCache.Limits.DEFAULTS.maxAge(),
                    ConnectionCache.Limits.DEFAULTS.maxMessages(),
                    ConnectionCache.Limits.DEFAULTS.maxIdlePerHop()));
    expiry = scheduler.scheduleWithFixedDelay(this::expireIdleSessions, 1, 1, TimeUnit.SECONDS);
    clientSettings = ClientSettings.defaults(settings.hostname());
    relayPort = config.getOptionalValue("yubin.relay.port", Integer.class).orElse(25);
    int ourPort = config.getOptionalValue("yubin.smtp.port", Integer.class).orElse(2525);
    // A smarthost on one of our addresses but another port (a content filter, say) is not us.
    smarthostElsewhere =
        dns.smarthost().isPresent()
            && (dns.smarthost().get().port() == DnsSettings.SMTP_PORT
                    ? relayPort
                    : dns.smarthost().get().port())
                != ourPort;
    delayWarning =
        Duration.ofSeconds(
            config.getOptionalValue("yubin.relay.delay-warning", Long.class).orElse(14400L));
    schedule =
        new RetrySchedule(
            Duration.ofSeconds(
                config.getOptionalValue("yubin.relay.min-backoff", Long.class).orElse(300L)),
            Duration.ofSeconds(
                config.getOptionalValue("yubin.relay.max-backoff", Long.class).orElse(4000L)),
            Duration.ofSeconds(
                config.getOptionalValue("yubin.relay.queue-lifetime", Long.class).orElse(432000L)));
    List<InetAddress> bind = new ArrayList<>();
    try {
      InetAddress address =
          InetAddress.getByName(
              config.getOptionalValue("yubin.bind", String.class).orElse("127.0.0.1"));
      bind.add(address);
      if (!address.isAnyLocalAddress()) {
        clientSettings = clientSettings.withSourceAddress(address); // connect from our own address
      }
    } catch (UnknownHostException e) {
      LOG.warning("yubin.bind is not an address: " + e.getMessage());
    }
    us = LocalIdentity.of(settings.hostname(), bind);
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
    QueueEntry current = entry;
    List<QueuedRecipient> failed = new ArrayList<>();
    List<DeliveryNotifications.Success> relayed = new ArrayList<>();
    for (Map.Entry<String, List<QueuedRecipient>> group : byDomain.entrySet()) {
      Map<String, Outcome> outcomes = deliverToDomain(current, group.getKey(), group.getValue());
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
        current =
            current.withRecipient(
                r.address(),
                q ->
                    q.attempted(
                        finalState,
                        next,
                        decided.statusCode(),
                        decided.detail(),
                        decided.remote()));
        record(entry.id(), r.address(), finalState, decided);
        if (finalState == RecipientState.DELIVERED
            && !decided.dsnPassedOn()
            && r.notifyOn().contains(DsnNotify.SUCCESS.name())) {
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
    }
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
      QueueEntry entry, String domain, List<QueuedRecipient> recipients) {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    MxResolution resolution = resolver.resolve(domain);
    if (!smarthostElsewhere) {
      resolution = resolution.excludingLocal(us); // an MX that is us: bounce, never loop
    }
    if (!resolution.isRouted()) {
      Reply reply =
          resolution.failureReply().orElse(Reply.of(451, "4.4.3", "no route to " + domain));
      RecipientState state =
          reply.isPermanentFailure() ? RecipientState.FAILED : RecipientState.PENDING;
      for (QueuedRecipient r : recipients) {
        outcomes.put(r.address(), new Outcome(state, reply.status(), reply.toString(), null));
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
        HostAndPort where =
            target.port() == DnsSettings.SMTP_PORT
                ? new HostAndPort(target.host(), relayPort, target.address())
                : target;
        DeliveryReport report =
            connections.deliver(where, clientSettings, message(entry, remaining));
        List<QueuedRecipient> deferred = new ArrayList<>();
        for (RecipientResult result : report.recipients()) {
          QueuedRecipient r = byAddress(remaining, result.recipient().address());
          Reply reply = result.reply();
          String remote = result.remote() ? exchanger.host() : null;
          if (result.status() == DeliveryStatus.DELIVERED) {
            outcomes.put(
                r.address(),
                new Outcome(
                    RecipientState.DELIVERED,
                    reply.status(),
                    reply.toString(),
                    remote,
                    report.dsnOffered()));
          } else if (result.status() == DeliveryStatus.FAILED) {
            outcomes.put(
                r.address(),
                new Outcome(RecipientState.FAILED, reply.status(), reply.toString(), remote));
          } else {
            deferred.add(r);
            lastError = reply.toString();
            lastStatus = reply.status();
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
      size = queue.files().size(entry.id());
    } catch (java.io.IOException e) {
      size = 0;
    }
    OutboundMessage message =
        OutboundMessage.of(entry.sender(), to, () -> queue.files().open(entry.id()), size)
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
      events.add(new DeliveryEvent(id, recipient, kind, o.statusCode(), o.detail()));
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
