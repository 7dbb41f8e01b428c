package dev.argus.contract.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database schema: Flyway migrations under {@code db/migration} in this module. The api and the
 * processor both migrate at start-up (Flyway serialises concurrent runs with a lock), so the
 * services can start in any order.
 */
public final class ArgusSchema {

  public static final String LOCATION = "classpath:db/migration";

  private ArgusSchema() {}

  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
  }

  /** Which storage the connected database gives us: hypertables or plain tables. */
  public static StorageMode storageMode(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'")) {
      return rs.next() ? StorageMode.TIMESCALEDB : StorageMode.PLAIN_POSTGRESQL;
    }
  }

  public enum StorageMode {
    TIMESCALEDB,
    PLAIN_POSTGRESQL
  }
}
