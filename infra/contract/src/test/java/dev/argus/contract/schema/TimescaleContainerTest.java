package dev.argus.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.testing.EmbeddedDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The TimescaleDB path against the real TimescaleDB image, where Docker exists. Skipped cleanly
 * without Docker; {@link TimescaleMigrationTest} proves the same on timescaledb-lite.
 */
@Testcontainers(disabledWithoutDocker = true)
class TimescaleContainerTest {

  @Container
  private static final PostgreSQLContainer TIMESCALE =
      new PostgreSQLContainer(
          DockerImageName.parse("timescale/timescaledb:2.23.0-pg17")
              .asCompatibleSubstituteFor("postgres"));

  @Test
  void migratesToHypertables() throws Exception {
    var ds = EmbeddedDatabase.dataSource(TIMESCALE.getJdbcUrl());
    ((org.postgresql.ds.PGSimpleDataSource) ds).setUser(TIMESCALE.getUsername());
    ((org.postgresql.ds.PGSimpleDataSource) ds).setPassword(TIMESCALE.getPassword());

    ArgusSchema.migrate(ds);

    try (Connection c = ds.getConnection()) {
      assertThat(ArgusSchema.storageMode(c)).isEqualTo(ArgusSchema.StorageMode.TIMESCALEDB);
    }
  }
}
