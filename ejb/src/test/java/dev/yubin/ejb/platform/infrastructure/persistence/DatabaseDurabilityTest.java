package dev.yubin.ejb.platform.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the embedded H2 of a real file database, as Payara's data source opens it. */
class DatabaseDurabilityTest {

  @TempDir Path data;

  private JdbcDataSource h2(String name) {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:file:" + data.resolve(name));
    source.setUser("yubin");
    source.setPassword("yubin");
    return source;
  }

  private static String writeDelay(JdbcDataSource source) throws SQLException {
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      return row.next() ? row.getString(1) : null;
    }
  }

  @Test
  void h2WritesEveryCommitAtOnceAndKeepsTheSettingAcrossRestarts() throws SQLException {
    JdbcDataSource source = h2("yubin");
    assertThat(writeDelay(source)).isEqualTo("500");
    DatabaseDurability durability = new DatabaseDurability();
    durability.dataSource = source;

    durability.durableCommits();

    assertThat(writeDelay(source)).isEqualTo("0");
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
    assertThat(writeDelay(h2("yubin"))).isEqualTo("0");
  }
}
