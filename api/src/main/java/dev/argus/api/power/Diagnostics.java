package dev.argus.api.power;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/diagnostics}: what each collector last reported, totals over the live
 * collectors, and the devices the api knows.
 */
public record Diagnostics(
    @JsonProperty("generated_at") Instant generatedAt,
    List<Collector> collectors,
    Totals totals,
    Devices devices) {

  /**
   * One collector's last heartbeat.
   *
   * @param alive its heartbeat is younger than {@code ARGUS_API_COLLECTOR_STALENESS}
   * @param lastCycleDurationMs null before its first cycle
   */
  public record Collector(
      @JsonProperty("collector_id") String collectorId,
      @JsonProperty("last_heartbeat") Instant lastHeartbeat,
      boolean alive,
      @Schema(nullable = true) @JsonProperty("started_at") Instant startedAt,
      @JsonProperty("scheduler_running") boolean schedulerRunning,
      @JsonProperty("scheduler_paused") boolean schedulerPaused,
      @JsonProperty("poll_in_progress") boolean pollInProgress,
      @JsonProperty("devices_configured") int devicesConfigured,
      @JsonProperty("targets_configured") int targetsConfigured,
      @Schema(nullable = true) @JsonProperty("last_cycle_started_at") Instant lastCycleStartedAt,
      @Schema(nullable = true) @JsonProperty("last_cycle_completed_at")
          Instant lastCycleCompletedAt,
      @Schema(nullable = true) @JsonProperty("last_cycle_duration_ms") Long lastCycleDurationMs,
      @JsonProperty("last_cycle_devices_polled") int lastCycleDevicesPolled,
      @JsonProperty("last_cycle_errors") int lastCycleErrors,
      @Schema(nullable = true) @JsonProperty("last_trigger_id") String lastTriggerId) {}

  /** Sums over the live collectors (a stale heartbeat polls nothing). */
  public record Totals(
      int collectors,
      @JsonProperty("collectors_alive") int collectorsAlive,
      @JsonProperty("devices_configured") int devicesConfigured,
      @JsonProperty("targets_configured") int targetsConfigured,
      @JsonProperty("last_cycle_devices_polled") int lastCycleDevicesPolled,
      @JsonProperty("last_cycle_errors") int lastCycleErrors) {

    static Totals of(List<Collector> collectors) {
      List<Collector> alive = collectors.stream().filter(Collector::alive).toList();
      return new Totals(
          collectors.size(),
          alive.size(),
          alive.stream().mapToInt(Collector::devicesConfigured).sum(),
          alive.stream().mapToInt(Collector::targetsConfigured).sum(),
          alive.stream().mapToInt(Collector::lastCycleDevicesPolled).sum(),
          alive.stream().mapToInt(Collector::lastCycleErrors).sum());
    }
  }

  /** Devices in the {@code devices} table. */
  public record Devices(long known, long enabled) {}
}
