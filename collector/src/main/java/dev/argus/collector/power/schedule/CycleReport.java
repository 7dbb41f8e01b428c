package dev.argus.collector.power.schedule;

import java.time.Instant;

/**
 * What one poll cycle did, for the collector's heartbeat.
 *
 * @param devicesPolled configured devices whose poll was started in the cycle
 * @param errors devices with at least one failed reading in the cycle
 * @param completedAt when the cycle's last reading was handed to the publisher
 * @param triggerId the manual-poll command this cycle answered, null for a scheduled cycle
 */
public record CycleReport(
    Instant startedAt,
    long durationMillis,
    int devicesPolled,
    int errors,
    Instant completedAt,
    String triggerId) {}
