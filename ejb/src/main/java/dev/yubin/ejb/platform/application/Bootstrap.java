package dev.yubin.ejb.platform.application;

import dev.yubin.ejb.accounts.application.AccountService;
import dev.yubin.ejb.mailbox.application.LegacyStoreMigration;
import dev.yubin.ejb.mailbox.application.StoreRecovery;
import dev.yubin.ejb.platform.config.YubinSettings;
import dev.yubin.ejb.platform.infrastructure.persistence.DatabaseDurability;
import dev.yubin.ejb.platform.infrastructure.persistence.SchemaMigration;
import dev.yubin.ejb.platform.infrastructure.store.OwnerOnly;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up: make the data directory private, migrate the schema, make commits durable, move the
 * first store's messages into the mailbox store (once), make the mailbox store's rows and files
 * agree, clear the spool (no half-received message was acknowledged), create the configured local
 * domains, and make sure an admin credential exists.
 */
@Singleton
@Startup
@DataSourceDefinition(
    name = "java:app/jdbc/yubin",
    className = "org.h2.jdbcx.JdbcDataSource",
    url = "${MPCONFIG=yubin.db.url}",
    user = "${MPCONFIG=yubin.db.user}",
    password = "${MPCONFIG=yubin.db.password}")
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  @Resource(lookup = "java:app/jdbc/yubin")
  DataSource dataSource;

  @Inject YubinSettings settings;
  @Inject DatabaseDurability durability;
  @Inject LegacyStoreMigration legacyStore;
  @Inject StoreRecovery recovery;
  @Inject MailStore store;
  @Inject AccountService accounts;
  @Inject AdminCredential admin;
  @Inject Readiness readiness;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    secureDataDirectory();
    var result = SchemaMigration.migrate(dataSource);
    LOG.info("Schema at version " + result.targetSchemaVersion + " in " + settings.dataDirectory());
    durability.durableCommits();
    legacyStore.migrate();
    recovery.recover();
    LOG.info("Spool recovery: " + store.files().clearSpool() + " unfinished spool files removed");
    for (String domain : settings.domains()) {
      if (accounts.addDomain(domain)) {
        LOG.info("Local domain added: " + domain);
      }
    }
    admin.initialize();
    readiness.ready();
    LOG.info("Yubin ready as " + settings.hostname());
  }

  /** The data directory is the server user's alone (0700), whoever created it. */
  private void secureDataDirectory() {
    Path directory = settings.dataDirectory();
    try {
      if (OwnerOnly.secureFolder(directory)) {
        LOG.warning("Data directory " + directory + " was open to other users; now 0700");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot secure the data directory " + directory, e);
    }
  }
}
