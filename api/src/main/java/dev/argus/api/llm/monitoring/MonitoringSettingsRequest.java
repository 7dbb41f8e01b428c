package dev.argus.api.llm.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The fields {@code PATCH /api/v1/monitoring/config} may change; each one given must be set. */
record MonitoringSettingsRequest(
    @JsonProperty("enabled") @NotNull(message = "enabled must be true or false") Boolean enabled,
    @JsonProperty("interval_minutes")
        @NotNull(message = INTERVAL_RULE)
        @Min(value = 1, message = INTERVAL_RULE)
        @Max(value = 10_080, message = INTERVAL_RULE)
        Integer intervalMinutes,
    @JsonProperty("prompt_pack") @NotNull(message = "prompt_pack is required") String promptPack,
    @JsonProperty("ttft_threshold_ms")
        @NotNull(message = TTFT_RULE)
        @Min(value = 1, message = TTFT_RULE)
        @Max(value = 600_000, message = TTFT_RULE)
        Integer ttftThresholdMs,
    @JsonProperty("latency_threshold_ms")
        @NotNull(message = LATENCY_RULE)
        @Min(value = 1, message = LATENCY_RULE)
        @Max(value = 3_600_000, message = LATENCY_RULE)
        Integer latencyThresholdMs,
    @JsonProperty("probe_max_tokens")
        @NotNull(message = TOKENS_RULE)
        @Min(value = 16, message = TOKENS_RULE)
        @Max(value = 32_768, message = TOKENS_RULE)
        Integer probeMaxTokens,
    @JsonProperty("probe_timeout_seconds")
        @NotNull(message = TIMEOUT_RULE)
        @Min(value = 1, message = TIMEOUT_RULE)
        @Max(value = 600, message = TIMEOUT_RULE)
        Integer probeTimeoutSeconds,
    @JsonProperty("concurrency_per_provider")
        @NotNull(message = CONCURRENCY_RULE)
        @Min(value = 1, message = CONCURRENCY_RULE)
        @Max(value = 64, message = CONCURRENCY_RULE)
        Integer concurrencyPerProvider) {

  static final String INTERVAL_RULE = "interval_minutes must be between 1 and 10080";
  static final String TTFT_RULE = "ttft_threshold_ms must be between 1 and 600000";
  static final String LATENCY_RULE = "latency_threshold_ms must be between 1 and 3600000";
  static final String TOKENS_RULE =
      "probe_max_tokens must be between 16 and 32768 (some APIs refuse fewer than 16)";
  static final String TIMEOUT_RULE = "probe_timeout_seconds must be between 1 and 600";
  static final String CONCURRENCY_RULE = "concurrency_per_provider must be between 1 and 64";
}
