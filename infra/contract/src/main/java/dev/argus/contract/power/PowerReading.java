package dev.argus.contract.power;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.argus.contract.WireIds;
import java.time.Instant;
import java.util.List;

/**
 * One poll of one UPS or PDU, as published by a collector to {@code argus.readings.power}.
 *
 * <p>A failed poll is a reading too: {@code error} says what went wrong and the measurements are
 * null. That makes missed polls facts in the log, from which the processor derives {@code
 * device_offline}. Measurements the device does not report are null, never zero.
 *
 * @param schemaVersion version of this record's shape, {@link #SCHEMA_VERSION} when written
 * @param deviceId configured device id; also the Kafka key
 * @param deviceType {@code ups} or {@code pdu}
 * @param poller how it was read: {@code nut} or {@code snmp}
 * @param pollIntervalSeconds the interval the collector polls this device at, so that the processor
 *     can tell when a device has gone silent
 * @param batteryLowPercent the device's own low-battery threshold ({@code battery.charge.low})
 * @param outlets per-outlet readings of a PDU; empty for a UPS
 */
public record PowerReading(
    int schemaVersion,
    String deviceId,
    String deviceType,
    String poller,
    String deviceName,
    String host,
    Integer port,
    String collectorId,
    Instant timestamp,
    long pollIntervalSeconds,
    String error,
    Double powerWatts,
    Double loadPercent,
    Double voltage,
    Double outputVoltage,
    Double inputFrequency,
    Double outputCurrent,
    Double batteryPercent,
    Double batteryLowPercent,
    Double runtimeSeconds,
    String upsStatus,
    Double temperatureC,
    DeviceMetadata metadata,
    List<OutletReading> outlets) {

  public static final int SCHEMA_VERSION = 1;

  public PowerReading {
    if (deviceId == null || deviceId.isBlank()) {
      throw new IllegalArgumentException("device_id is required");
    }
    if (timestamp == null) {
      throw new IllegalArgumentException("timestamp is required");
    }
    WireIds.requireStorable("device_id", deviceId);
    if (metadata == null) {
      metadata = DeviceMetadata.UNKNOWN;
    }
    outlets = outlets == null ? List.of() : List.copyOf(outlets);
  }

  /** True when the poll reached the device and it answered. */
  @JsonIgnore
  public boolean succeeded() {
    return error == null;
  }

  /** A reading for a poll that failed; only the identity of the device and the error are set. */
  public static PowerReading failedPoll(
      String deviceId,
      String deviceType,
      String poller,
      String deviceName,
      String host,
      Integer port,
      String collectorId,
      Instant timestamp,
      long pollIntervalSeconds,
      String error) {
    return new PowerReading(
        SCHEMA_VERSION,
        deviceId,
        deviceType,
        poller,
        deviceName,
        host,
        port,
        collectorId,
        timestamp,
        pollIntervalSeconds,
        error == null || error.isBlank() ? "poll failed" : error,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        DeviceMetadata.UNKNOWN,
        List.of());
  }
}
