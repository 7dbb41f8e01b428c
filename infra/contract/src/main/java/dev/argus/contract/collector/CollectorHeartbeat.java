package dev.argus.contract.collector;

import dev.argus.contract.WireIds;
import java.time.Instant;

/**
 * A collector's periodic heartbeat with the diagnostics of its last poll cycle, published to the
 * compacted {@code argus.collector.status} topic (key: collector id). A collector also publishes
 * one right away when a poll cycle starts or ends, so that {@code /api/trigger/status} follows a
 * manual poll closely.
 *
 * @param lastCycleStartedAt when the last poll cycle started, null before the first one
 * @param lastCycleDurationMillis how long the last cycle took, -1 before the first one
 * @param lastCycleErrors how many devices failed in the last cycle
 * @param schedulerPaused the runtime config pauses scheduled polls
 * @param pollInProgress a poll cycle is running now
 * @param lastCycleCompletedAt when the last poll cycle ended, null before the first one
 * @param lastTriggerId the id of the last manual-poll command this collector has completed
 * @param targetsConfigured uptime targets this collector probes
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
    int lastCycleErrors,
    boolean schedulerPaused,
    boolean pollInProgress,
    Instant lastCycleCompletedAt,
    String lastTriggerId,
    int targetsConfigured) {

  public static final int SCHEMA_VERSION = 2;

  public CollectorHeartbeat {
    if (collectorId == null || collectorId.isBlank()) {
      throw new IllegalArgumentException("collector_id is required");
    }
    WireIds.requireStorable("collector_id", collectorId);
    if (timestamp == null) {
      throw new IllegalArgumentException("timestamp is required");
    }
  }

  /** A heartbeat of schema version 1, which had no pause, trigger or target fields. */
  public CollectorHeartbeat(
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
    this(
        schemaVersion,
        collectorId,
        timestamp,
        startedAt,
        schedulerRunning,
        devicesConfigured,
        lastCycleStartedAt,
        lastCycleDurationMillis,
        lastCycleDevicesPolled,
        lastCycleErrors,
        false,
        false,
        null,
        null,
        0);
  }
}
