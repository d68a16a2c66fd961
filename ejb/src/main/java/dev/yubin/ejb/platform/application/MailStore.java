package dev.yubin.ejb.platform.application;

import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.platform.infrastructure.store.FileContentStore;
import dev.yubin.ejb.submission.application.Spool;
import dev.yubin.ejb.submission.application.SpooledMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The one content store of this server, under the configured data directory, and its spool. */
@ApplicationScoped
public class MailStore implements Spool {

  @Inject YubinSettings settings;

  private FileContentStore files;

  @PostConstruct
  void open() {
    files = new FileContentStore(settings.dataDirectory());
  }

  public FileContentStore files() {
    return files;
  }

  @Override
  public SpooledMessage newMessage() {
    return files.newSpoolFile();
  }
}
