package dev.argus.api.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * An event the processor derived for a target ({@code target_events}): {@code threshold_reached},
 * {@code recovered} or {@code alert_repeat}.
 */
record TargetEvent(
    @JsonProperty("id") long id,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("target_id") long targetId,
    @JsonProperty("event_type") String eventType,
    @JsonProperty("severity") String severity,
    @JsonProperty("metadata") Map<String, Object> metadata) {}
