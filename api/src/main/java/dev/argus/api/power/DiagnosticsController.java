package dev.argus.api.power;

import dev.argus.api.system.ApiProperties;
import dev.argus.api.system.jdbc.Columns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/diagnostics}: the collectors' last-poll diagnostics from their heartbeats. */
@RestController
@Tag(name = "diagnostics")
class DiagnosticsController {

  private final JdbcClient jdbc;
  private final ApiProperties properties;
  private final Clock clock;

  DiagnosticsController(JdbcClient jdbc, ApiProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/api/diagnostics")
  @Operation(summary = "Per-collector scheduler state and last poll cycle, with totals")
  Diagnostics diagnostics() {
    Instant now = clock.instant();
    Instant freshSince = now.minus(properties.collectorStaleness());
    List<Diagnostics.Collector> collectors =
        jdbc.sql(
                """
                SELECT collector_id, last_heartbeat, started_at, scheduler_running,
                       scheduler_paused, poll_in_progress, devices_configured, targets_configured,
                       last_cycle_started_at, last_cycle_completed_at, last_cycle_duration_ms,
                       last_cycle_devices_polled, last_cycle_errors, last_trigger_id
                FROM collector_status ORDER BY collector_id
                """)
            .query(
                (rs, row) -> {
                  Instant heartbeat = Columns.instant(rs, "last_heartbeat");
                  Instant cycleStarted = Columns.instant(rs, "last_cycle_started_at");
                  return new Diagnostics.Collector(
                      rs.getString("collector_id"),
                      heartbeat,
                      !heartbeat.isBefore(freshSince),
                      Columns.instant(rs, "started_at"),
                      rs.getBoolean("scheduler_running"),
                      rs.getBoolean("scheduler_paused"),
                      rs.getBoolean("poll_in_progress"),
                      rs.getInt("devices_configured"),
                      rs.getInt("targets_configured"),
                      cycleStarted,
                      Columns.instant(rs, "last_cycle_completed_at"),
                      cycleStarted == null ? null : rs.getLong("last_cycle_duration_ms"),
                      rs.getInt("last_cycle_devices_polled"),
                      rs.getInt("last_cycle_errors"),
                      rs.getString("last_trigger_id"));
                })
            .list();
    Diagnostics.Devices devices =
        jdbc.sql(
                "SELECT count(*) AS known, count(*) FILTER (WHERE enabled) AS enabled FROM devices")
            .query((rs, row) -> new Diagnostics.Devices(rs.getLong("known"), rs.getLong("enabled")))
            .single();
    return new Diagnostics(now, collectors, Diagnostics.Totals.of(collectors), devices);
  }
}
