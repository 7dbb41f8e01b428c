package dev.argus.api.system;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code GET /api/health}: the seed's {@code status}, {@code scheduler_running} and
 * {@code uptime_seconds}, plus the state of the database and, when unhealthy, a {@code detail}.
 *
 * @param status {@code healthy} or {@code unhealthy}
 * @param schedulerRunning whether a collector reported a running scheduler recently
 * @param uptimeSeconds seconds since the api process started
 * @param database {@code ok}, {@code unreachable}, {@code migrating} (reachable, schema not yet
 *     created) or {@code full} (PostgreSQL refused a write for lack of disk space within the last
 *     minute)
 * @param detail why the service is unhealthy; absent when healthy
 */
public record HealthResponse(
    String status,
    @JsonProperty("scheduler_running") boolean schedulerRunning,
    @JsonProperty("uptime_seconds") long uptimeSeconds,
    String database,
    @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {

  static HealthResponse healthy(boolean schedulerRunning, long uptimeSeconds) {
    return new HealthResponse("healthy", schedulerRunning, uptimeSeconds, "ok", null);
  }

  static HealthResponse databaseUnreachable(long uptimeSeconds) {
    return new HealthResponse(
        "unhealthy", false, uptimeSeconds, "unreachable", "database unreachable");
  }

  static HealthResponse schemaNotMigrated(long uptimeSeconds) {
    return new HealthResponse(
        "unhealthy", false, uptimeSeconds, "migrating", "database schema not migrated yet");
  }

  static HealthResponse databaseFull(long uptimeSeconds, String postgresSaid) {
    return new HealthResponse(
        "unhealthy",
        false,
        uptimeSeconds,
        "full",
        "database out of disk space: PostgreSQL refuses writes ("
            + postgresSaid
            + "); free space on its volume");
  }

  @JsonIgnore
  boolean isHealthy() {
    return "healthy".equals(status);
  }
}
