package dev.argus.api.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A target's current state from {@code target_status}, which the processor's sink writes from its
 * probe results; absent (null) until the first result arrives.
 *
 * @param status {@code up} or {@code down} as of the last check
 * @param alerting the failures have reached the target's current failure threshold
 * @param acknowledged an operator acknowledged the current run of failures; it stays off {@code
 *     /api/v1/alert-status} until the target recovers and fails anew
 */
record TargetState(
    @JsonProperty("status") String status,
    @JsonProperty("consecutive_failures") int consecutiveFailures,
    @JsonProperty("alerting") boolean alerting,
    @JsonProperty("acknowledged") boolean acknowledged,
    @Schema(nullable = true) @JsonProperty("streak_started_at") Instant streakStartedAt,
    @JsonProperty("last_checked_at") Instant lastCheckedAt,
    @Schema(nullable = true) @JsonProperty("last_response_ms") Double lastResponseMs,
    @Schema(nullable = true) @JsonProperty("last_status_code") Integer lastStatusCode,
    @Schema(nullable = true) @JsonProperty("last_error") String lastError,
    @Schema(nullable = true) @JsonProperty("cert_expires_at") Instant certExpiresAt) {}
