package dev.argus.collector.power;

import dev.argus.contract.power.PowerReading;
import java.time.Instant;

/**
 * Who a reading is about and who took it: the fields every reading of one UPS shares, whether the
 * poll succeeded or not.
 */
public record ReadingIdentity(
    String deviceId,
    String deviceType,
    String deviceName,
    String host,
    int port,
    String collectorId,
    long pollIntervalSeconds) {

  public static final String POLLER = "nut";

  /** The reading of a poll that failed with {@code error}. */
  public PowerReading failed(Instant timestamp, String error) {
    return PowerReading.failedPoll(
        deviceId, deviceType, POLLER, deviceName, host, port, collectorId, timestamp,
        pollIntervalSeconds, error);
  }
}
