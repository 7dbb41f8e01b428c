package dev.argus.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.config.RuntimeConfig;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code GET /api/config}: the seed's fields, the NUT login and the processor's
 * thresholds (null: the service's own default). The NUT password is never returned; {@code
 * nut_password_set} says whether one is stored.
 */
public record RuntimeConfigView(
    @JsonProperty("poll_interval_minutes") int pollIntervalMinutes,
    @JsonProperty("enabled_exporters") List<String> enabledExporters,
    @JsonProperty("scanning_disabled") boolean scanningDisabled,
    @JsonProperty("scheduler_paused") boolean schedulerPaused,
    @Schema(nullable = true) @JsonProperty("nut_host") String nutHost,
    @Schema(nullable = true) @JsonProperty("nut_port") Integer nutPort,
    @Schema(nullable = true) @JsonProperty("nut_username") String nutUsername,
    @JsonProperty("nut_password_set") boolean nutPasswordSet,
    @Schema(nullable = true) @JsonProperty("device_offline_missed_polls")
        Integer deviceOfflineMissedPolls,
    @Schema(nullable = true) @JsonProperty("shutdown_battery_floor_pct")
        Double shutdownBatteryFloorPct,
    @Schema(nullable = true) @JsonProperty("load_limit_pct") Double loadLimitPct,
    @Schema(nullable = true) @JsonProperty("temperature_limit_c") Double temperatureLimitC) {

  static RuntimeConfigView of(RuntimeConfig config) {
    return new RuntimeConfigView(
        config.pollIntervalMinutes(),
        config.enabledExporters(),
        config.scanningDisabled(),
        config.schedulerPaused(),
        config.nutHost(),
        config.nutPort(),
        config.nutUsername(),
        config.nutPassword() != null,
        config.deviceOfflineMissedPolls(),
        config.shutdownBatteryFloorPct(),
        config.loadLimitPct(),
        config.temperatureLimitC());
  }
}
