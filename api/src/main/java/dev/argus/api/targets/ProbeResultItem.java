package dev.argus.api.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One stored check of a target ({@code probe_results}). */
record ProbeResultItem(
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("up") boolean up,
    @Schema(nullable = true) @JsonProperty("response_time_ms") Double responseTimeMs,
    @Schema(nullable = true) @JsonProperty("status_code") Integer statusCode,
    @Schema(nullable = true) @JsonProperty("error") String error,
    @Schema(nullable = true) @JsonProperty("collector_id") String collectorId) {}
