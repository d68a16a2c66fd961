package dev.yubin.ejb.relay.infrastructure;

import dev.yubin.ejb.relay.application.RelaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The {@code yubin.relay.*} settings, read from MicroProfile Config once. */
@ApplicationScoped
public class RelaySettingsProducer {

  private volatile RelaySettings settings;

  @Produces
  RelaySettings relaySettings() {
    RelaySettings read = settings;
    if (read == null) {
      Config config = ConfigProvider.getConfig();
      read = RelaySettings.from(key -> config.getOptionalValue(key, String.class));
      settings = read;
    }
    return read;
  }
}
