package dev.yubin.ejb.application;

import dev.yubin.ejb.config.YubinSettings;
import dev.yubin.ejb.infrastructure.store.FileContentStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The one content store of this server, under the configured data directory. */
@ApplicationScoped
public class MailStore {

  @Inject YubinSettings settings;

  private FileContentStore files;

  @PostConstruct
  void open() {
    files = new FileContentStore(settings.dataDirectory());
  }

  public FileContentStore files() {
    return files;
  }
}
