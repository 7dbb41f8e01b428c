package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's embedded PostgreSQL: durable settings, migrated schema, one role a service. */
class LocalDatabaseIT {

  @Test
  void theStacksDatabaseSyncsCommitsAndGivesEachServiceItsOwnRole(@TempDir Path data)
      throws Exception {
    try (LocalDatabase db = LocalDatabase.embedded(data, freePort(), true)) {
      var logins = db.migrateAndGrant();

      try (Connection owner = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
        assertThat(show(owner, "fsync")).isEqualTo("on");
        assertThat(show(owner, "synchronous_commit")).isEqualTo("on");
        assertThat(show(owner, "full_page_writes")).isEqualTo("on");
      }
      try (Connection api =
              DriverManager.getConnection(
                  db.jdbcUrl(), logins.api().name(), logins.api().password());
          Statement st = api.createStatement()) {
        assertThat(show(api, "is_superuser")).isEqualTo("off");
        assertThatThrownBy(() -> st.execute("DELETE FROM power_snapshots"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied");
      }
      try (Connection processor =
              DriverManager.getConnection(
                  db.jdbcUrl(), logins.processor().name(), logins.processor().password());
          Statement st = processor.createStatement()) {
        assertThatThrownBy(() -> st.executeQuery("SELECT key_hash FROM api_keys"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied");
      }
    }
  }

  @Test
  void testsMayTurnDurabilityOff(@TempDir Path data) throws Exception {
    try (LocalDatabase db = LocalDatabase.embedded(data, freePort(), false);
        Connection owner = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      assertThat(show(owner, "fsync")).isEqualTo("off");
    }
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
