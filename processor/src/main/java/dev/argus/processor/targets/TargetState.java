package dev.argus.processor.targets;

import java.time.Instant;

/**
 * What the streak rules remember about one target between results, kept in the topology's {@value
 * TargetAlertsTopology#TARGET_STATE_STORE} store (JSON, key: target id).
 *
 * @param lastCheckedAt time of the newest result applied; older results are ignored
 * @param consecutiveFailures failed checks in a row, 0 after a successful one
 * @param streakStartedAt when the current run of failures began, null while up
 * @param alerting {@code threshold_reached} was sent in this streak and {@code recovered} not yet
 * @param lastAlertAt when {@code threshold_reached} or the last {@code alert_repeat} was sent in
 *     this streak, null while not alerting
 */
public record TargetState(
    Instant lastCheckedAt,
    int consecutiveFailures,
    Instant streakStartedAt,
    boolean alerting,
    Instant lastAlertAt) {}
