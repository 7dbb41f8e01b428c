package dev.argus.collector.power;

import dev.argus.contract.power.PowerReading;
import java.time.Instant;

/**
 * Who a reading is about and who took it: the fields every reading of one device shares, whether
 * the poll succeeded or not.
 *
 * @param poller {@code nut} or {@code snmp}: how the reading was taken
 */
public record ReadingIdentity(
    String poller,
    String deviceId,
    String deviceType,
    String deviceName,
    String host,
    int port,
    String collectorId,
    long pollIntervalSeconds) {

  /** The reading of a poll that failed with {@code error}. */
  public PowerReading failed(Instant timestamp, String error) {
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
