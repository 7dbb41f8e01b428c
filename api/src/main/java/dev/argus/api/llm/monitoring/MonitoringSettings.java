package dev.argus.api.llm.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.llm.LlmMonitoringConfig;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** {@code GET /api/v1/monitoring/config}: the global monitoring settings and the last run. */
@Schema(name = "MonitoringSettings")
record MonitoringSettings(
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("interval_minutes") int intervalMinutes,
    @JsonProperty("prompt_pack") String promptPack,
    @JsonProperty("ttft_threshold_ms") int ttftThresholdMs,
    @JsonProperty("latency_threshold_ms") int latencyThresholdMs,
    @JsonProperty("probe_max_tokens") int probeMaxTokens,
    @JsonProperty("probe_timeout_seconds") int probeTimeoutSeconds,
    @JsonProperty("concurrency_per_provider") int concurrencyPerProvider,
    @Schema(nullable = true, description = "When the newest run, scheduled or manual, was queued")
        @JsonProperty("last_run_at")
        Instant lastRunAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  MonitoringSettingsRequest toRequest() {
    return new MonitoringSettingsRequest(
        enabled,
        intervalMinutes,
        promptPack,
        ttftThresholdMs,
        latencyThresholdMs,
        probeMaxTokens,
        probeTimeoutSeconds,
        concurrencyPerProvider);
  }

  /** What collectors and the processor get on {@code argus.config}. */
  LlmMonitoringConfig toConfig() {
    return new LlmMonitoringConfig(
        enabled,
        intervalMinutes,
        promptPack,
        ttftThresholdMs,
        latencyThresholdMs,
        probeMaxTokens,
        probeTimeoutSeconds,
        concurrencyPerProvider);
  }
}
