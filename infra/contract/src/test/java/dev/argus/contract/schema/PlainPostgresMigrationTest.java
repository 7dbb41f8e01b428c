package dev.argus.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.testing.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PlainPostgresMigrationTest {

  @Test
  void migratesPlainPostgresqlToTablesWithTimeIndexes() throws Exception {
    DataSource ds = EmbeddedDatabase.dataSource(EmbeddedDatabase.freshDatabase());

    var result = ArgusSchema.migrate(ds);

    assertThat(result.success).isTrue();
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      assertThat(ArgusSchema.storageMode(c)).isEqualTo(ArgusSchema.StorageMode.PLAIN_POSTGRESQL);
      try (ResultSet rs =
          st.executeQuery(
              "SELECT indexname FROM pg_indexes WHERE tablename = 'power_snapshots' ORDER BY 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("power_snapshots_pkey");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("power_snapshots_ts_idx");
      }
    }
  }

  @Test
  void migratingTwiceIsANoOp() {
    DataSource ds = EmbeddedDatabase.dataSource(EmbeddedDatabase.freshDatabase());
    ArgusSchema.migrate(ds);

    var second = ArgusSchema.migrate(ds);

    assertThat(second.migrationsExecuted).isZero();
  }
}
