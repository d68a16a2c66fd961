package dev.yubin.ejb.relay.infrastructure.smtp;

import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.platform.infrastructure.dns.DnsSettings;
import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import dev.yubin.ejb.relay.application.QueueStore;
import dev.yubin.ejb.relay.application.RelaySettings;
import dev.yubin.ejb.relay.application.Transport;
import dev.yubin.ejb.relay.domain.NextHop;
import dev.yubin.ejb.relay.domain.QueueEntry;
import dev.yubin.ejb.relay.domain.QueuedRecipient;
import dev.yubin.ejb.relay.domain.RecipientOutcome;
import dev.yubin.ejb.relay.domain.RecipientState;
import dev.yubin.ejb.relay.domain.TlsPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The relay's transport: the SMTP client over cached sessions, each domain's TLS policy (the
 * smarthost's when there is one), our bind address as the source; the client's replies become
 * recipient outcomes that quote them verbatim.
 */
@ApplicationScoped
public class SmtpTransport implements Transport {

  private static final Logger LOG = Logger.getLogger(SmtpTransport.class.getName());

  @Inject YubinSettings settings;
  @Inject RelaySettings relay;
  @Inject QueueStore queue;
  @Resource ManagedScheduledExecutorService scheduler;

  private SmtpClient client;
  private ConnectionCache connections;
  private ScheduledFuture<?> expiry;
  private final Map<TlsPolicy, ClientSettings> sessionSettings = new EnumMap<>(TlsPolicy.class);
  private boolean smarthost;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    smarthost =
        DnsSettings.from(key -> config.getOptionalValue(key, String.class)).smarthost().isPresent();
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
    try {
      InetAddress address =
          InetAddress.getByName(
              config.getOptionalValue("yubin.bind", String.class).orElse("127.0.0.1"));
      if (!address.isAnyLocalAddress()) {
        base = base.withSourceAddress(address); // connect from our own address
      }
    } catch (UnknownHostException e) {
      LOG.warning("yubin.bind is not an address: " + e.getMessage());
    }
    for (TlsPolicy policy : TlsPolicy.values()) {
      sessionSettings.put(policy, base.withTlsPolicy(policy));
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

  @Override
  public HopResult deliver(
      NextHop hop,
      String domain,
      QueueEntry entry,
      List<QueuedRecipient> recipients,
      Instant deadline) {
    HostAndPort where =
        new HostAndPort(
            hop.host(),
            hop.port() == DnsSettings.SMTP_PORT ? relay.port() : hop.port(),
            hop.address());
    ClientSettings session =
        sessionSettings.get(smarthost ? relay.smarthostTls() : relay.tlsFor(domain));
    return outcomes(
        hop.host(), connections.deliver(where, session, message(entry, recipients), deadline));
  }

  /** The client's report in the relay's terms: each reply kept verbatim, as one line. */
  static HopResult outcomes(String host, DeliveryReport report) {
    Map<String, RecipientOutcome> outcomes = new LinkedHashMap<>();
    for (RecipientResult result : report.recipients()) {
      RecipientState state =
          switch (result.status()) {
            case DELIVERED -> RecipientState.DELIVERED;
            case FAILED -> RecipientState.FAILED;
            case DEFERRED -> RecipientState.PENDING;
          };
      outcomes.put(
          result.recipient().address(),
          new RecipientOutcome(
              state,
              result.replyStatus(),
              result.replyLine(),
              result.remote() ? host : null,
              state == RecipientState.DELIVERED && report.dsnOffered()));
    }
    return new HopResult(outcomes, report.tryNextHost());
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
    } catch (IOException e) {
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
}
