package dev.argus.api.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One stored check of a target ({@code probe_results}). */
record ProbeResultItem(
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("up") boolean up,
    @JsonProperty("response_time_ms") Double responseTimeMs,
    @JsonProperty("status_code") Integer statusCode,
    @JsonProperty("error") String error,
    @JsonProperty("collector_id") String collectorId) {}
