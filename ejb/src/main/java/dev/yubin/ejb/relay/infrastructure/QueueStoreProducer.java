package dev.yubin.ejb.relay.infrastructure;

import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.relay.application.QueueStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The outbound queue's store: its files under the configured data directory. */
@ApplicationScoped
public class QueueStoreProducer {

  @Inject YubinSettings settings;

  @Produces
  @ApplicationScoped
  QueueStore queueFiles() {
    return new QueueFiles(settings.dataDirectory());
  }
}
