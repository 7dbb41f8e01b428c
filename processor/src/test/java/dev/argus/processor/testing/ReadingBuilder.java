package dev.argus.processor.testing;

import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.testing.PowerReadings;
import java.time.Instant;
import java.util.List;

/**
 * Builds readings for the processor's tests: a healthy UPS on line power unless told otherwise, as
 * a preset of the contract's {@link PowerReadings} (which builds the record itself).
 *
 * <pre>{@code ReadingBuilder.ups("ups-1").at(t).status("OB DISCHRG").battery(80.0).build()}</pre>
 */
public final class ReadingBuilder {

  private final PowerReadings reading;
  // The runtime follows the battery (36 s per percent), so it is set when the reading is built.
  private Double battery = 100.0;

  private ReadingBuilder(String deviceId) {
    this.reading =
        PowerReadings.aReading()
            .withDeviceId(deviceId)
            .withAddress("127.0.0.1", 3493)
            .withCollectorId("collector-1")
            .withUpsStatus("OL")
            .withLoadPercent(30.0)
            .withTemperatureC(25.0)
            .withPowerWatts(250.0)
            .withVoltage(230.0)
            .withOutputVoltage(230.0)
            .withInputFrequency(50.0)
            .withOutputCurrent(1.2);
  }

  public static ReadingBuilder ups(String deviceId) {
    return new ReadingBuilder(deviceId);
  }

  public ReadingBuilder at(Instant timestamp) {
    reading.withTimestamp(timestamp);
    return this;
  }

  public ReadingBuilder pollInterval(long seconds) {
    reading.withPollIntervalSeconds(seconds);
    return this;
  }

  public ReadingBuilder named(String name) {
    reading.withDeviceName(name);
    return this;
  }

  public ReadingBuilder address(String host, Integer port) {
    reading.withAddress(host, port);
    return this;
  }

  public ReadingBuilder collector(String collectorId) {
    reading.withCollectorId(collectorId);
    return this;
  }

  public ReadingBuilder status(String status) {
    reading.withUpsStatus(status);
    return this;
  }

  public ReadingBuilder battery(Double percent) {
    this.battery = percent;
    return this;
  }

  public ReadingBuilder batteryLowPercent(Double percent) {
    reading.withBatteryLowPercent(percent);
    return this;
  }

  public ReadingBuilder load(Double percent) {
    reading.withLoadPercent(percent);
    return this;
  }

  public ReadingBuilder temperature(Double celsius) {
    reading.withTemperatureC(celsius);
    return this;
  }

  public ReadingBuilder power(Double watts) {
    reading.withPowerWatts(watts);
    return this;
  }

  public ReadingBuilder metadata(DeviceMetadata metadata) {
    reading.withMetadata(metadata);
    return this;
  }

  /** A PDU over SNMP reporting these outlets. */
  public ReadingBuilder pduOutlets(OutletReading... outlets) {
    reading.withDeviceType("pdu").withPoller("snmp").withOutlets(List.of(outlets));
    return this;
  }

  public PowerReading build() {
    return reading
        .withBatteryPercent(battery)
        .withRuntimeSeconds(battery == null ? null : battery * 36)
        .build();
  }

  /** The same device, but the poll failed with this error. */
  public PowerReading failed(String error) {
    PowerReading healthy = build();
    return PowerReading.failedPoll(
        healthy.deviceId(),
        healthy.deviceType(),
        healthy.poller(),
        healthy.deviceName(),
        healthy.host(),
        healthy.port(),
        healthy.collectorId(),
        healthy.timestamp(),
        healthy.pollIntervalSeconds(),
        error);
  }
}
