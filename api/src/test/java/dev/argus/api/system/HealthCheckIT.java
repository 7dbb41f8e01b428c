package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.testing.EmbeddedDatabase;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The three database states the health check tells apart, each against a real database or a real
 * closed port: migrated, reachable but not yet migrated, unreachable.
 */
class HealthCheckIT {

  private static final Instant NOW = Instant.parse("2026-05-27T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ApiProperties PROPERTIES =
      new ApiProperties(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(15));

  @Test
  void migratedDatabaseWithAFreshHeartbeatIsHealthyWithScheduler() {
    // Given
    DataSource database = EmbeddedDatabase.dataSource(EmbeddedDatabase.freshDatabase());
    ArgusSchema.migrate(database);
    JdbcClient.create(database)
        .sql(
            """
            INSERT INTO collector_status (collector_id, last_heartbeat, scheduler_running,
                devices_configured, last_cycle_duration_ms, last_cycle_devices_polled,
                last_cycle_errors)
            VALUES ('collector-1', '2026-05-27T09:59:30Z', true, 1, 10, 1, 0)
            """)
        .update();

    // When
    HealthResponse health = healthCheckOn(database, true).check();

    // Then
    assertThat(health)
        .isEqualTo(new HealthResponse("healthy", true, health.uptimeSeconds(), "ok", null));
  }

  @Test
  void heartbeatOlderThanTheStalenessDoesNotCount() {
    // Given: 61 s before the fixed clock, staleness 60 s
    DataSource database = EmbeddedDatabase.dataSource(EmbeddedDatabase.freshDatabase());
    ArgusSchema.migrate(database);
    JdbcClient.create(database)
        .sql(
            """
            INSERT INTO collector_status (collector_id, last_heartbeat, scheduler_running,
                devices_configured, last_cycle_duration_ms, last_cycle_devices_polled,
                last_cycle_errors)
            VALUES ('collector-1', '2026-05-27T09:58:59Z', true, 1, 10, 1, 0)
            """)
        .update();

    // When
    HealthResponse health = healthCheckOn(database, true).check();

    // Then
    assertThat(health.status()).isEqualTo("healthy");
    assertThat(health.schedulerRunning()).isFalse();
  }

  @Test
  void reachableDatabaseWithoutSchemaIsUnhealthyMigrating() {
    // Given: a database the migration has not reached yet
    DataSource database = EmbeddedDatabase.dataSource(EmbeddedDatabase.freshDatabase());

    // When
    HealthResponse health = healthCheckOn(database, false).check();

    // Then
    assertThat(health)
        .isEqualTo(
            new HealthResponse(
                "unhealthy",
                false,
                health.uptimeSeconds(),
                "migrating",
                "database schema not migrated yet"));
  }

  @Test
  void tablesWithoutACompletedMigrationOfTheApiAreStillMigrating() {
    // Given: the tables are there, but the api's own migration has not completed (an interrupted
    // attempt leaves the versions before the failing one committed)
    DataSource database = EmbeddedDatabase.dataSource(EmbeddedDatabase.freshDatabase());
    ArgusSchema.migrate(database);

    // When
    HealthResponse health = healthCheckOn(database, false).check();

    // Then
    assertThat(health.status()).isEqualTo("unhealthy");
    assertThat(health.database()).isEqualTo("migrating");
  }

  @Test
  void closedDatabasePortIsUnhealthyUnreachable() throws Exception {
    // Given: nothing listens on the port (it was free a moment ago)
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    DataSource nowhere =
        new DriverManagerDataSource(
            "jdbc:postgresql://127.0.0.1:" + port + "/argus?connectTimeout=2", "postgres", "");

    // When
    HealthResponse health = healthCheckOn(nowhere, false).check();

    // Then
    assertThat(health)
        .isEqualTo(
            new HealthResponse(
                "unhealthy", false, health.uptimeSeconds(), "unreachable", "database unreachable"));
  }

  /** With {@code migrated}, the api's own migration runs first (finding nothing left to do). */
  private static HealthCheck healthCheckOn(DataSource database, boolean migrated) {
    SchemaMigration migration = new SchemaMigration(database, PROPERTIES, event -> {});
    if (migrated) {
      migration.start();
    }
    return new HealthCheck(
        new CollectorHeartbeats(JdbcClient.create(database)),
        new ProcessUptime(CLOCK),
        PROPERTIES,
        CLOCK,
        migration,
        new DatabaseSpace(CLOCK));
  }
}
