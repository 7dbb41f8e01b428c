package dev.argus.contract.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argus.contract.grafana.PanelSqlRunner.Choice;
import dev.argus.contract.grafana.PanelSqlRunner.Outcome;
import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.schema.ServiceRoles;
import dev.argus.contract.testing.EmbeddedDatabase;
import dev.argus.contract.testing.SingleConnectionDataSource;
import dev.argus.contract.testing.TimescaleDbLite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every SQL query of every provisioned dashboard (panel targets and query variables), expanded as
 * Grafana expands it, runs on the migrated schema with a week of telemetry in it and returns rows,
 * as the read-only role Grafana logs in with: on plain PostgreSQL (the data source not marked as
 * TimescaleDB, so {@code $__timeGroup} is plain arithmetic and the rollups are views) and on
 * TimescaleDB (marked as the provisioning marks it, so {@code $__timeGroup} is {@code time_bucket}
 * and the rollups are continuous aggregates).
 */
class PanelSqlTest {

  private static final String LONG_RANGE = "now-90d";

  private static final ServiceRoles.Logins LOGINS =
      new ServiceRoles.Logins(
          new ServiceRoles.Login("grafana_test_api", ""),
          new ServiceRoles.Login("grafana_test_processor", ""),
          new ServiceRoles.Login("grafana_test_reader", ""));

  @Test
  void everyPanelQueryReturnsRowsOnPlainPostgresql() throws Exception {
    // Given a migrated plain PostgreSQL with telemetry and the service roles
    String url = EmbeddedDatabase.freshDatabase();
    DataSource owner = EmbeddedDatabase.dataSource(url);
    ArgusSchema.migrate(owner);
    try (Connection c = owner.getConnection()) {
      assertThat(ArgusSchema.storageMode(c)).isEqualTo(ArgusSchema.StorageMode.PLAIN_POSTGRESQL);
      loadTelemetry(c);
    }
    ServiceRoles.apply(owner, LOGINS);

    // When every dashboard's SQL runs as the reader, Then it returns rows
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      assertEveryQueryWorks(c, false);
    }
  }

  @Test
  void everyPanelQueryReturnsRowsOnTimescaleDb() throws Exception {
    Optional<Path> tool = TimescaleDbLite.locate();
    assumeTrue(
        tool.isPresent(),
        "timescaledb-lite not found beside the checkout (shared/tools) and ARGUS_TSDB_LITE unset: "
            + "the TimescaleDB path of the panels is not checked here");
    try (TimescaleDbLite tsdb = TimescaleDbLite.start(tool.get());
        // One connection for everything: the tool refuses a second one.
        Connection c = DriverManager.getConnection(tsdb.jdbcUrl(), "postgres", "postgres")) {
      // Given a migrated TimescaleDB with telemetry, the hourly rollups materialized up to an hour
      // ago (the newest hour and the daily rollups come from real-time aggregation)
      ArgusSchema.migrate(new SingleConnectionDataSource(c));
      assertThat(ArgusSchema.storageMode(c)).isEqualTo(ArgusSchema.StorageMode.TIMESCALEDB);
      loadTelemetry(c);
      try (Statement st = c.createStatement()) {
        for (String rollup : ServiceRoles.ROLLUP_VIEWS) {
          if (rollup.endsWith("_hourly")) {
            st.execute(
                "CALL refresh_continuous_aggregate('%s', NULL, now() - INTERVAL '1 hour')"
                    .formatted(rollup));
          }
        }
      }
      // timescaledb-lite cannot GRANT on a database (ServiceRoles.apply does): the reader gets its
      // table rights alone, which are what the panels need.
      try (Statement st = c.createStatement()) {
        String reader = LOGINS.telemetryReader().name();
        st.execute("CREATE ROLE " + reader);
        st.execute("GRANT USAGE ON SCHEMA public TO " + reader);
        ServiceRoles.grantTelemetryReading(st, reader);
      }

      // When every dashboard's SQL runs as the reader, Then it returns rows
      assertEveryQueryWorks(c, provisionedAsTimescaleDb());
    }
  }

  private static void assertEveryQueryWorks(Connection c, boolean timescaledb) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SET ROLE " + LOGINS.telemetryReader().name());
    }
    // Grafana's time range has millisecond precision.
    var runner = new PanelSqlRunner(c, timescaledb, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    List<Outcome> all = new ArrayList<>();
    List<Outcome> longRange = new ArrayList<>();
    List<Outcome> first = new ArrayList<>();
    for (var dashboard : GrafanaDashboards.load()) {
      all.addAll(runner.run(dashboard, Choice.ALL));
      // Long enough for an interval of an hour or more: the panels switch to the hourly rollups.
      longRange.addAll(runner.run(dashboard, Choice.ALL, LONG_RANGE));
      first.addAll(runner.run(dashboard, Choice.FIRST));
    }

    // The expanded SQL and its row count, in the test's output file, for whoever edits a panel.
    Stream.concat(all.stream(), longRange.stream())
        .forEach(
            o -> System.out.printf("%5d rows  %s%n           %s%n", o.rows(), o.where(), o.sql()));

    assertThat(all).hasSize(expectedQueries());
    assertThat(longRange).hasSize(expectedQueries());
    assertThat(all.stream().filter(Outcome::failed))
        .as("queries that failed or returned no rows with every option selected")
        .isEmpty();
    assertThat(longRange.stream().filter(Outcome::failed))
        .as("queries that failed or returned no rows over " + LONG_RANGE)
        .isEmpty();
    assertThat(longRange)
        .as("long-range panels read the hourly rollups")
        .anyMatch(o -> o.where().contains("Power (W) by device") && readsTheHourlyRollup(o.sql()));
    // One device, target, model or camera may rightly have no rows in a panel (a UPS has no
    // outlets), but the SQL must still run.
    assertThat(first.stream().filter(o -> o.failed() && !o.problem().equals("no rows")))
        .as("queries that failed with the first option selected")
        .isEmpty();
  }

  /** The rollup branch of a range-switching query is the one whose interval test holds. */
  private static boolean readsTheHourlyRollup(String sql) {
    Matcher test = Pattern.compile("AND (\\d+) >= 3600000").matcher(sql);
    return sql.contains("_hourly") && test.find() && Long.parseLong(test.group(1)) >= 3_600_000;
  }

  /** SQL targets and query variables of the PostgreSQL data source, counted from the files. */
  private static int expectedQueries() {
    int count = 0;
    for (var dashboard : GrafanaDashboards.load()) {
      for (var variable : dashboard.variables()) {
        if (variable.path("type").asString().equals("query")
            && GrafanaDashboards.isPostgres(variable.path("datasource"))) {
          count++;
        }
      }
      for (var panel : dashboard.panels()) {
        for (var target : panel.path("targets")) {
          if (GrafanaDashboards.isPostgres(GrafanaDashboards.datasourceOf(panel, target))) {
            count++;
          }
        }
      }
    }
    assertThat(count).as("SQL queries in the dashboards").isGreaterThan(50);
    return count;
  }

  /** What the provisioned PostgreSQL data source says ({@code jsonData.timescaledb}). */
  private static boolean provisionedAsTimescaleDb() {
    return DashboardProvisioningTest.datasources().stream()
        .filter(ds -> GrafanaDashboards.POSTGRES_TYPE.equals(ds.get("type")))
        .map(ds -> ((java.util.Map<?, ?>) ds.get("jsonData")).get("timescaledb"))
        .allMatch(Boolean.TRUE::equals);
  }

  static void loadTelemetry(Connection c) throws SQLException, IOException {
    String script;
    try (InputStream in = PanelSqlTest.class.getResourceAsStream("telemetry.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Statement st = c.createStatement()) {
      for (String statement : script.split(";\\s*\\n")) {
        String sql = statement.replaceAll("(?m)^--.*$", "").strip();
        if (!sql.isEmpty()) {
          st.execute(sql);
        }
      }
    }
  }
}
