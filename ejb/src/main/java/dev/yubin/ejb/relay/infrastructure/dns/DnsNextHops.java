package dev.yubin.ejb.relay.infrastructure.dns;

import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.platform.infrastructure.dns.DnsSettings;
import dev.yubin.ejb.platform.infrastructure.dns.HostAndPort;
import dev.yubin.ejb.relay.application.NextHops;
import dev.yubin.ejb.relay.application.RelaySettings;
import dev.yubin.ejb.relay.domain.NextHop;
import dev.yubin.ejb.relay.domain.Route;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Next hops through DNS (or the smarthost): MX hosts that are us are dropped with every less
 * preferred one (a loop bounces, 5.4.6); internal addresses are dropped unless allowed or the
 * smarthost's; at most {@code yubin.relay.mx-address-limit} addresses.
 */
@ApplicationScoped
public class DnsNextHops implements NextHops {

  private static final Logger LOG = Logger.getLogger(DnsNextHops.class.getName());

  @Inject YubinSettings settings;
  @Inject RelaySettings relay;

  private MailExchangerResolver resolver;
  private LocalIdentity us;
  private boolean smarthost;
  private boolean smarthostElsewhere;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    DnsSettings dns = DnsSettings.from(key -> config.getOptionalValue(key, String.class));
    resolver = new DnsjavaMailExchangerResolver(dns);
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
      bind.add(
          InetAddress.getByName(
              config.getOptionalValue("yubin.bind", String.class).orElse("127.0.0.1")));
    } catch (UnknownHostException e) {
      LOG.warning("yubin.bind is not an address: " + e.getMessage());
    }
    us = LocalIdentity.of(settings.hostname(), bind);
    if (relay.allowInternalDestinations()) {
      LOG.warning(
          RelaySettings.ALLOW_INTERNAL + " is true: mail may go to loopback and private addresses");
    }
  }

  @Override
  public Route resolve(String domain) {
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
                "internal addresses of "
                    + domain
                    + " skipped ("
                    + RelaySettings.ALLOW_INTERNAL
                    + " is false)");
      }
      resolution = external;
    }
    return route(domain, resolution.limitedTo(relay.mxAddressLimit()));
  }

  /** The resolution in the relay's terms: its failure reply kept as one line, code first. */
  static Route route(String domain, MxResolution resolution) {
    if (!resolution.isRouted()) {
      return Route.none(
          resolution.isPermanentFailure(),
          resolution.failureStatus().orElse("4.4.3"),
          resolution.failureLine().orElse("451 4.4.3 no route to " + domain));
    }
    List<NextHop> hops = new ArrayList<>();
    for (MailExchanger exchanger : resolution.exchangers()) {
      for (HostAndPort target : exchanger.targets()) {
        hops.add(new NextHop(exchanger.host(), target.port(), target.address()));
      }
    }
    return Route.to(hops);
  }
}
