package dev.argus.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argus.contract.testing.TimescaleDbLite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The TimescaleDB path of the migrations, against a real TimescaleDB (timescaledb-lite, one
 * connection at a time). Where neither it nor Docker is available the test is skipped with a
 * message; {@link TimescaleContainerTest} covers machines with Docker.
 */
class TimescaleMigrationTest {

  @Test
  void makesHypertablesWithCompressionAndRetentionPolicies() throws Exception {
    Optional<Path> tool = TimescaleDbLite.locate();
    assumeTrue(
        tool.isPresent(),
        "timescaledb-lite not found beside the checkout (shared/tools) and ARGUS_TSDB_LITE unset: "
            + "TimescaleDB path not checked here");
    try (TimescaleDbLite tsdb = TimescaleDbLite.start(tool.get())) {
      // A single connection for Flyway and the checks: the tool refuses a second one.
      try (Connection c = DriverManager.getConnection(tsdb.jdbcUrl(), "postgres", "postgres")) {
        var single = new dev.argus.contract.testing.SingleConnectionDataSource(c);
        Flyway.configure().dataSource(single).locations(ArgusSchema.LOCATION).load().migrate();

        assertThat(ArgusSchema.storageMode(c)).isEqualTo(ArgusSchema.StorageMode.TIMESCALEDB);
        assertThat(
                column(
                    c,
                    "SELECT hypertable_name FROM timescaledb_information.hypertables ORDER BY 1"))
            .containsExactly(
                "llm_probe_results",
                "pdu_outlet_readings",
                "power_events",
                "power_snapshots",
                "probe_results");
        assertThat(
                column(
                    c,
                    "SELECT hypertable_name || ':' || proc_name FROM timescaledb_information.jobs "
                        + "WHERE hypertable_name IS NOT NULL ORDER BY 1"))
            .containsExactly(
                "llm_probe_results:policy_compression",
                "llm_probe_results_daily:policy_refresh_continuous_aggregate",
                "llm_probe_results_hourly:policy_refresh_continuous_aggregate",
                "pdu_outlet_readings:policy_compression",
                "pdu_outlet_readings:policy_retention",
                "power_events:policy_compression",
                "power_events:policy_retention",
                "power_snapshots:policy_compression",
                "power_snapshots:policy_retention",
                "power_snapshots_daily:policy_refresh_continuous_aggregate",
                "power_snapshots_hourly:policy_refresh_continuous_aggregate",
                "probe_results:policy_compression",
                "probe_results:policy_retention",
                "probe_results_daily:policy_refresh_continuous_aggregate",
                "probe_results_hourly:policy_refresh_continuous_aggregate");
        assertThat(
                column(
                    c,
                    "SELECT attname FROM timescaledb_information.compression_settings WHERE"
                        + " hypertable_name = 'power_snapshots' AND segmentby_column_index IS NOT"
                        + " NULL"))
            .containsExactly("device_id");
        // The rollups of V12 are real-time continuous aggregates, not plain views.
        assertThat(
                column(
                    c,
                    "SELECT view_name || ':' || materialized_only FROM"
                        + " timescaledb_information.continuous_aggregates ORDER BY 1"))
            .containsExactly(
                "llm_probe_results_daily:false",
                "llm_probe_results_hourly:false",
                "power_snapshots_daily:false",
                "power_snapshots_hourly:false",
                "probe_results_daily:false",
                "probe_results_hourly:false");

        // The sink's idempotent insert works on a hypertable, and compressed chunks stay readable.
        try (Statement st = c.createStatement()) {
          for (int i = 0; i < 2; i++) {
            st.execute(
                "INSERT INTO power_snapshots (ts, device_id, power_watts) VALUES"
                    + " ('2026-01-01T00:00:00Z', 'ups-1', 100), ('2026-01-01T00:05:00Z', 'ups-1',"
                    + " 120) ON CONFLICT (device_id, ts) DO NOTHING");
          }
          st.execute("SELECT compress_chunk(c) FROM show_chunks('power_snapshots') c");
        }
        assertThat(
                column(
                    c,
                    "SELECT count(*)::text || '/' || sum(power_watts)::text FROM power_snapshots"))
            .containsExactly("2/220");

        // A writer that does not own the tables (the processor's role) still inserts into
        // hypertables that feed continuous aggregates: TimescaleDB logs the invalidation for it.
        try (Statement st = c.createStatement()) {
          st.execute("CREATE ROLE rollup_test_writer");
          st.execute("GRANT USAGE ON SCHEMA public TO rollup_test_writer");
          st.execute("GRANT SELECT, INSERT ON power_snapshots TO rollup_test_writer");
          st.execute("SET ROLE rollup_test_writer");
          st.execute(
              "INSERT INTO power_snapshots (ts, device_id, power_watts) VALUES (now(), 'ups-1',"
                  + " 90)");
          st.execute("RESET ROLE");
        }
        assertThat(column(c, "SELECT count(*)::text FROM power_snapshots_hourly"))
            .containsExactly("2");
      }
    }
  }

  private static List<String> column(Connection c, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
