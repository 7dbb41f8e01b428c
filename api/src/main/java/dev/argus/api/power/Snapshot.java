package dev.argus.api.power;

import com.fasterxml.jackson.annotation.JsonProperty;
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
    @JsonProperty("power_watts") Double powerWatts,
    @JsonProperty("load_percent") Double loadPercent,
    Double voltage,
    @JsonProperty("battery_percent") Double batteryPercent,
    @JsonProperty("runtime_seconds") Double runtimeSeconds,
    @JsonProperty("ups_status") String upsStatus,
    @JsonProperty("temperature_c") Double temperatureC,
    @JsonProperty("output_voltage") Double outputVoltage,
    @JsonProperty("input_frequency") Double inputFrequency,
    @JsonProperty("output_current") Double outputCurrent) {}
