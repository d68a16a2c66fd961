package dev.yubin.ejb.platform.infrastructure.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database schema to the version this release expects (db/migration/V*.sql). */
public final class SchemaMigration {

  private SchemaMigration() {}

  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
