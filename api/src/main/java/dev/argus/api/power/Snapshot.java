package dev.argus.api.power;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One successful poll of a device, as the seed's snapshot item, plus the output voltage, input
 * frequency and output current that the seed's system left out. {@code voltage} is the input
 * voltage. Values a device does not report are null.
 */
public record Snapshot(
    long id,
    Instant timestamp,
    @JsonProperty("device_id") String deviceId,
    @JsonProperty("device_type") String deviceType,
    @Schema(nullable = true) @JsonProperty("power_watts") Double powerWatts,
    @Schema(nullable = true) @JsonProperty("load_percent") Double loadPercent,
    @Schema(nullable = true) Double voltage,
    @Schema(nullable = true) @JsonProperty("battery_percent") Double batteryPercent,
    @Schema(nullable = true) @JsonProperty("runtime_seconds") Double runtimeSeconds,
    @Schema(nullable = true) @JsonProperty("ups_status") String upsStatus,
    @Schema(nullable = true) @JsonProperty("temperature_c") Double temperatureC,
    @Schema(nullable = true) @JsonProperty("output_voltage") Double outputVoltage,
    @Schema(nullable = true) @JsonProperty("input_frequency") Double inputFrequency,
    @Schema(nullable = true) @JsonProperty("output_current") Double outputCurrent) {}
