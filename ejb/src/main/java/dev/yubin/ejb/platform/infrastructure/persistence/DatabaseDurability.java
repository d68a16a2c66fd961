package dev.yubin.ejb.platform.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Forces committed rows to disk where the database does not do it on commit: the embedded H2 keeps
 * commits in memory for up to a second, so an account created just before a crash was lost. Called
 * after changes whose loss nothing could rebuild (accounts, domains, aliases, catch-alls, quotas),
 * outside their transaction. PostgreSQL and other servers fsync their log on commit: nothing to do
 * there.
 */
@ApplicationScoped
public class DatabaseDurability {

  private static final Logger LOG = Logger.getLogger(DatabaseDurability.class.getName());

  @Resource(lookup = "java:app/jdbc/yubin")
  DataSource dataSource;

  /**
   * Makes the embedded H2 write every commit to its file before the commit returns ({@code
   * WRITE_DELAY 0}, a persistent database setting; it keeps commits in memory for 500 ms by
   * default), so a killed process loses nothing that was acknowledged (ADR 0009). Other databases
   * are durable on commit already.
   */
  public void durableCommits() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (isH2(connection)) {
        statement.execute("SET WRITE_DELAY 0");
        LOG.info("H2 writes every commit at once (WRITE_DELAY 0)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot make the database write every commit at once", e);
    }
  }

  private static boolean isH2(Connection connection) throws SQLException {
    return connection.getMetaData().getURL().startsWith("jdbc:h2:");
  }

  /** Writes everything committed so far durably; answers whether that succeeded. */
  public boolean sync() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (isH2(connection)) {
        statement.execute("CHECKPOINT SYNC");
      }
      return true;
    } catch (SQLException e) {
      LOG.log(Level.SEVERE, "cannot force the database to disk", e);
      return false;
    }
  }
}
