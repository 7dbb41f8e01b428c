package dev.argus.api.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One row of the delivery log, {@code GET /api/alerts/deliveries}. */
record Delivery(
    long id,
    @Schema(nullable = true) @JsonProperty("event_id") String eventId,
    @Schema(nullable = true) @JsonProperty("subject_id") String subjectId,
    @JsonProperty("event_type") String eventType,
    String severity,
    String provider,
    String outcome,
    int attempts,
    @Schema(nullable = true) String error,
    @JsonProperty("is_test") boolean isTest,
    @JsonProperty("created_at") Instant createdAt) {}
