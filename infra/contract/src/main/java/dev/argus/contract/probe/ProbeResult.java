package dev.argus.contract.probe;

import java.time.Instant;

/**
 * One check of one uptime target, as published by a collector to {@code argus.readings.probe} (key:
 * target id as a decimal string). Every result is published, up or down.
 *
 * <p>The target's name, threshold and acknowledgement time travel with each result, as the
 * collector knew them when it probed, so that the processor derives streaks and alert state from
 * this topic alone.
 *
 * @param up whether the check passed
 * @param responseTimeMillis time to the answer (or to the failure), null if not measured
 * @param statusCode http: the response status, else null
 * @param error why the check failed; null when up
 * @param certExpiresAt https: when the server certificate expires
 * @param alertRepeatMinutes the target's repeat interval, null for the processor's default
 */
public record ProbeResult(
    int schemaVersion,
    long targetId,
    String targetName,
    String targetType,
    String collectorId,
    Instant timestamp,
    boolean up,
    Double responseTimeMillis,
    Integer statusCode,
    String error,
    Instant certExpiresAt,
    int failureThreshold,
    Integer alertRepeatMinutes,
    Instant acknowledgedAt) {

  public static final int SCHEMA_VERSION = 1;

  public ProbeResult {
    if (timestamp == null) {
      throw new IllegalArgumentException("timestamp is required");
    }
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failure_threshold must be at least 1");
    }
  }

  public String key() {
    return Long.toString(targetId);
  }
}
