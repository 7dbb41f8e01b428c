package dev.argus.contract.testing;

import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import java.time.Instant;
import java.util.List;

/**
 * Builds a {@link PowerReading} for tests by name rather than by the position of 24 arguments.
 * {@link #aReading()} is a successful poll of UPS {@code ups-1} over NUT that reported no
 * measurement yet (every measurement null, as the contract has it for what a device does not
 * report); a test adds what it is about:
 *
 * <pre>{@code
 * PowerReadings.aReading().withDeviceId("ups-main").withUpsStatus("OB").withBatteryPercent(80.0).build()
 * }</pre>
 */
public final class PowerReadings {

  private int schemaVersion = PowerReading.SCHEMA_VERSION;
  private String deviceId = "ups-1";
  private String deviceType = "ups";
  private String poller = "nut";
  private String deviceName;
  private String host;
  private Integer port;
  private String collectorId;
  private Instant timestamp = Instant.parse("2026-05-27T10:00:00Z");
  private long pollIntervalSeconds = 30;
  private String error;
  private Double powerWatts;
  private Double loadPercent;
  private Double voltage;
  private Double outputVoltage;
  private Double inputFrequency;
  private Double outputCurrent;
  private Double batteryPercent;
  private Double batteryLowPercent;
  private Double runtimeSeconds;
  private String upsStatus;
  private Double temperatureC;
  private DeviceMetadata metadata = DeviceMetadata.UNKNOWN;
  private List<OutletReading> outlets = List.of();

  private PowerReadings() {}

  public static PowerReadings aReading() {
    return new PowerReadings();
  }

  public PowerReadings withSchemaVersion(int schemaVersion) {
    this.schemaVersion = schemaVersion;
    return this;
  }

  public PowerReadings withDeviceId(String deviceId) {
    this.deviceId = deviceId;
    return this;
  }

  /** {@code ups} or {@code pdu}. */
  public PowerReadings withDeviceType(String deviceType) {
    this.deviceType = deviceType;
    return this;
  }

  /** {@code nut} or {@code snmp}. */
  public PowerReadings withPoller(String poller) {
    this.poller = poller;
    return this;
  }

  public PowerReadings withDeviceName(String deviceName) {
    this.deviceName = deviceName;
    return this;
  }

  /** Where the collector reached the device. */
  public PowerReadings withAddress(String host, Integer port) {
    this.host = host;
    this.port = port;
    return this;
  }

  public PowerReadings withCollectorId(String collectorId) {
    this.collectorId = collectorId;
    return this;
  }

  public PowerReadings withTimestamp(Instant timestamp) {
    this.timestamp = timestamp;
    return this;
  }

  public PowerReadings withPollIntervalSeconds(long pollIntervalSeconds) {
    this.pollIntervalSeconds = pollIntervalSeconds;
    return this;
  }

  /** A failed poll: the reading carries this error (measurements stay as set, normally null). */
  public PowerReadings withError(String error) {
    this.error = error;
    return this;
  }

  public PowerReadings withPowerWatts(Double powerWatts) {
    this.powerWatts = powerWatts;
    return this;
  }

  public PowerReadings withLoadPercent(Double loadPercent) {
    this.loadPercent = loadPercent;
    return this;
  }

  /** The input voltage. */
  public PowerReadings withVoltage(Double voltage) {
    this.voltage = voltage;
    return this;
  }

  public PowerReadings withOutputVoltage(Double outputVoltage) {
    this.outputVoltage = outputVoltage;
    return this;
  }

  public PowerReadings withInputFrequency(Double inputFrequency) {
    this.inputFrequency = inputFrequency;
    return this;
  }

  public PowerReadings withOutputCurrent(Double outputCurrent) {
    this.outputCurrent = outputCurrent;
    return this;
  }

  public PowerReadings withBatteryPercent(Double batteryPercent) {
    this.batteryPercent = batteryPercent;
    return this;
  }

  /** The device's own low-battery threshold ({@code battery.charge.low}). */
  public PowerReadings withBatteryLowPercent(Double batteryLowPercent) {
    this.batteryLowPercent = batteryLowPercent;
    return this;
  }

  public PowerReadings withRuntimeSeconds(Double runtimeSeconds) {
    this.runtimeSeconds = runtimeSeconds;
    return this;
  }

  /** NUT's {@code ups.status}, e.g. {@code OL} or {@code OB DISCHRG}. */
  public PowerReadings withUpsStatus(String upsStatus) {
    this.upsStatus = upsStatus;
    return this;
  }

  public PowerReadings withTemperatureC(Double temperatureC) {
    this.temperatureC = temperatureC;
    return this;
  }

  public PowerReadings withMetadata(DeviceMetadata metadata) {
    this.metadata = metadata;
    return this;
  }

  /** Per-outlet readings of a PDU. */
  public PowerReadings withOutlets(List<OutletReading> outlets) {
    this.outlets = outlets;
    return this;
  }

  public PowerReading build() {
    return new PowerReading(
        schemaVersion,
        deviceId,
        deviceType,
        poller,
        deviceName,
        host,
        port,
        collectorId,
        timestamp,
        pollIntervalSeconds,
        error,
        powerWatts,
        loadPercent,
        voltage,
        outputVoltage,
        inputFrequency,
        outputCurrent,
        batteryPercent,
        batteryLowPercent,
        runtimeSeconds,
        upsStatus,
        temperatureC,
        metadata,
        outlets);
  }
}
