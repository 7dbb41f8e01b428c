package dev.argus.contract.probe;

import java.time.Instant;

/**
 * The processor's current view of one uptime target after a probe result, published to the
 * compacted {@code argus.target.status} topic (key: target id) and stored in {@code target_status},
 * from which {@code GET /api/v1/alert-status} answers.
 *
 * @param status {@code up} or {@code down} as of the last check
 * @param consecutiveFailures failures in a row, 0 when up
 * @param alerting failures have reached the threshold (and the target has not recovered since)
 * @param streakStartedAt when the current run of failures began; null when up. An acknowledgement
 *     older than this does not silence the current streak.
 */
public record TargetStatus(
    long targetId,
    String targetName,
    String status,
    int consecutiveFailures,
    int failureThreshold,
    boolean alerting,
    Instant streakStartedAt,
    Instant lastCheckedAt,
    Double lastResponseTimeMillis,
    Integer lastStatusCode,
    String lastError,
    Instant certExpiresAt) {

  public String key() {
    return Long.toString(targetId);
  }
}
