package dev.argus.processor.testing;

import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import java.time.Instant;
import java.util.List;

/**
 * Builds readings for tests: a healthy UPS on line power unless told otherwise.
 *
 * <pre>{@code ReadingBuilder.ups("ups-1").at(t).status("OB DISCHRG").battery(80.0).build()}</pre>
 */
public final class ReadingBuilder {

  private final String deviceId;
  private Instant timestamp = Instant.parse("2026-05-27T10:00:00Z");
  private long pollIntervalSeconds = 30;
  private String deviceName;
  private String deviceType = "ups";
  private String poller = "nut";
  private String host = "127.0.0.1";
  private Integer port = 3493;
  private String collectorId = "collector-1";
  private String status = "OL";
  private Double battery = 100.0;
  private Double batteryLowPercent;
  private Double load = 30.0;
  private Double temperature = 25.0;
  private Double powerWatts = 250.0;
  private Double voltage = 230.0;
  private DeviceMetadata metadata = DeviceMetadata.UNKNOWN;
  private List<OutletReading> outlets = List.of();

  private ReadingBuilder(String deviceId) {
    this.deviceId = deviceId;
  }

  public static ReadingBuilder ups(String deviceId) {
    return new ReadingBuilder(deviceId);
  }

  public ReadingBuilder at(Instant timestamp) {
    this.timestamp = timestamp;
    return this;
  }

  public ReadingBuilder pollInterval(long seconds) {
    this.pollIntervalSeconds = seconds;
    return this;
  }

  public ReadingBuilder named(String name) {
    this.deviceName = name;
    return this;
  }

  public ReadingBuilder address(String host, Integer port) {
    this.host = host;
    this.port = port;
    return this;
  }

  public ReadingBuilder collector(String collectorId) {
    this.collectorId = collectorId;
    return this;
  }

  public ReadingBuilder status(String status) {
    this.status = status;
    return this;
  }

  public ReadingBuilder battery(Double percent) {
    this.battery = percent;
    return this;
  }

  public ReadingBuilder batteryLowPercent(Double percent) {
    this.batteryLowPercent = percent;
    return this;
  }

  public ReadingBuilder load(Double percent) {
    this.load = percent;
    return this;
  }

  public ReadingBuilder temperature(Double celsius) {
    this.temperature = celsius;
    return this;
  }

  public ReadingBuilder power(Double watts) {
    this.powerWatts = watts;
    return this;
  }

  public ReadingBuilder metadata(DeviceMetadata metadata) {
    this.metadata = metadata;
    return this;
  }

  /** A PDU over SNMP reporting these outlets. */
  public ReadingBuilder pduOutlets(OutletReading... outlets) {
    this.deviceType = "pdu";
    this.poller = "snmp";
    this.outlets = List.of(outlets);
    return this;
  }

  public PowerReading build() {
    return new PowerReading(
        PowerReading.SCHEMA_VERSION,
        deviceId,
        deviceType,
        poller,
        deviceName,
        host,
        port,
        collectorId,
        timestamp,
        pollIntervalSeconds,
        null,
        powerWatts,
        load,
        voltage,
        voltage,
        50.0,
        1.2,
        battery,
        batteryLowPercent,
        battery == null ? null : battery * 36,
        status,
        temperature,
        metadata,
        outlets);
  }

  /** The same device, but the poll failed with this error. */
  public PowerReading failed(String error) {
    return PowerReading.failedPoll(
        deviceId,
        deviceType,
        poller,
        deviceName,
        host,
        port,
        collectorId,
        timestamp,
        pollIntervalSeconds,
        error);
  }
}
