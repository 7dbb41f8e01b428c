package dev.argus.contract.collector;

import java.time.Instant;

/**
 * A collector's periodic heartbeat with the diagnostics of its last poll cycle, published to the
 * compacted {@code argus.collector.status} topic (key: collector id).
 *
 * @param lastCycleStartedAt when the last poll cycle started, null before the first one
 * @param lastCycleDurationMillis how long the last cycle took, -1 before the first one
 * @param lastCycleErrors how many devices failed in the last cycle
 */
public record CollectorHeartbeat(
    int schemaVersion,
    String collectorId,
    Instant timestamp,
    Instant startedAt,
    boolean schedulerRunning,
    int devicesConfigured,
    Instant lastCycleStartedAt,
    long lastCycleDurationMillis,
    int lastCycleDevicesPolled,
    int lastCycleErrors) {

  public static final int SCHEMA_VERSION = 1;

  public CollectorHeartbeat {
    if (collectorId == null || collectorId.isBlank()) {
      throw new IllegalArgumentException("collector_id is required");
    }
    if (timestamp == null) {
      throw new IllegalArgumentException("timestamp is required");
    }
  }
}
