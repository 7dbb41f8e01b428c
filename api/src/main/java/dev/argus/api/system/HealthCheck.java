package dev.argus.api.system;

import java.time.Clock;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Decides the service's health: healthy while the database answers and has not refused a write for
 * lack of disk space within the last minute ({@link DatabaseSpace}); the scheduler counts as
 * running when some collector's heartbeat is younger than {@code argus.api.collector-staleness} and
 * says its scheduler runs. Staleness is measured on the api's clock, so collector and api hosts
 * should keep their clocks in sync (NTP).
 */
@Component
class HealthCheck {

  private final CollectorHeartbeats heartbeats;
  private final ProcessUptime uptime;
  private final ApiProperties properties;
  private final Clock clock;
  private final SchemaMigration migration;
  private final DatabaseSpace space;

  HealthCheck(
      CollectorHeartbeats heartbeats,
      ProcessUptime uptime,
      ApiProperties properties,
      Clock clock,
      SchemaMigration migration,
      DatabaseSpace space) {
    this.heartbeats = heartbeats;
    this.uptime = uptime;
    this.properties = properties;
    this.clock = clock;
    this.migration = migration;
    this.space = space;
  }

  HealthResponse check() {
    long uptimeSeconds = uptime.seconds();
    try {
      boolean schedulerRunning =
          heartbeats.anySchedulerRunningSince(
              clock.instant().minus(properties.collectorStaleness()));
      // The tables may be there while an interrupted migration left the schema part-way.
      if (!migration.migrated()) {
        return HealthResponse.schemaNotMigrated(uptimeSeconds);
      }
      // The query above reads, which a full disk allows; only a refused write tells.
      var refusal = space.recentRefusal();
      if (refusal.isPresent()) {
        return HealthResponse.databaseFull(uptimeSeconds, refusal.get().message());
      }
      return HealthResponse.healthy(schedulerRunning, uptimeSeconds);
    } catch (DataAccessException e) {
      if (DatabaseFailures.isUnreachable(e)) {
        return HealthResponse.databaseUnreachable(uptimeSeconds);
      }
      if (DatabaseFailures.isSchemaMissing(e)) {
        return HealthResponse.schemaNotMigrated(uptimeSeconds);
      }
      throw e;
    }
  }
}
