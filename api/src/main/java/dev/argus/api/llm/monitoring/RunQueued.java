package dev.argus.api.llm.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/v1/monitoring/run}: the run was queued; its results carry {@code run_id}. */
record RunQueued(
    @JsonProperty("run_id") String runId,
    @JsonProperty("status") String status,
    @JsonProperty("message") String message) {}
