package dev.yubin.ejb.application;

import dev.yubin.ejb.infrastructure.dns.CachingDnsClient;
import dev.yubin.ejb.infrastructure.dns.DnsSettings;
import dev.yubin.ejb.infrastructure.dns.DnsjavaClient;
import dev.yubin.ejb.infrastructure.dns.ReverseDns;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Names clients for the Received header through the configured resolver ({@code
 * yubin.dns.servers}), with answers cached within their TTL. {@code yubin.dns.reverse=false} turns
 * the lookups off.
 */
@ApplicationScoped
public class ClientNames {

  private ReverseDns reverse;

  @PostConstruct
  void start() {
    var config = ConfigProvider.getConfig();
    if (!config.getOptionalValue("yubin.dns.reverse", Boolean.class).orElse(true)) {
      return;
    }
    DnsSettings settings = DnsSettings.from(key -> config.getOptionalValue(key, String.class));
    reverse =
        new ReverseDns(
            new CachingDnsClient(
                new DnsjavaClient(settings),
                Clock.systemUTC(),
                settings.maxTtl(),
                settings.cacheEntries()));
  }

  /** {@code name [ip]} when the address has a confirmed name, else {@code unknown [ip]}. */
  public String describe(String ip) {
    String name = reverse == null ? "unknown" : reverse.confirmedName(ip).orElse("unknown");
    return name + " " + TraceHeaders.addressLiteral(ip);
  }
}
