package dev.argus.api.llm.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.llm.LlmModelConfig;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A model as the api shows it, with its provider's name and type. */
@Schema(name = "Model")
record Model(
    @JsonProperty("id") UUID id,
    @JsonProperty("provider_account_id") UUID providerAccountId,
    @JsonProperty("provider_name") String providerName,
    @JsonProperty("provider_type") String providerType,
    @JsonProperty("model_id") String modelId,
    @Schema(nullable = true) @JsonProperty("custom_name") String customName,
    @Schema(description = "discovered or manual") @JsonProperty("source") String source,
    @JsonProperty("enabled_for_monitoring") boolean enabledForMonitoring,
    @JsonProperty("enabled_for_benchmark") boolean enabledForBenchmark,
    @Schema(nullable = true) @JsonProperty("ttft_threshold_ms") Integer ttftThresholdMs,
    @Schema(nullable = true) @JsonProperty("latency_threshold_ms") Integer latencyThresholdMs,
    @Schema(nullable = true) @JsonProperty("probe_max_tokens") Integer probeMaxTokens,
    @JsonProperty("metadata") Map<String, Object> metadata,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  /** The settings as a request, for a PATCH to be merged into. */
  ModelRequest toRequest() {
    return new ModelRequest(
        providerAccountId.toString(),
        modelId,
        customName,
        enabledForMonitoring,
        enabledForBenchmark,
        ttftThresholdMs,
        latencyThresholdMs,
        probeMaxTokens,
        metadata);
  }

  /** What collectors and the processor get on {@code argus.config}. */
  LlmModelConfig toConfig() {
    return new LlmModelConfig(
        id.toString(),
        providerAccountId.toString(),
        modelId,
        customName,
        enabledForMonitoring,
        enabledForBenchmark,
        ttftThresholdMs,
        latencyThresholdMs,
        probeMaxTokens);
  }
}
