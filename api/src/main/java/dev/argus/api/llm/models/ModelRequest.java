package dev.argus.api.llm.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/models} (a model added by hand), and what a {@code PATCH} is
 * merged into. The provider's own model id is taken as the provider spells it: {@code gpt-4.1},
 * {@code llama3:8b}, {@code meta-llama/Llama-3.1-8B-Instruct}.
 *
 * @param ttftThresholdMs over this time to first token a probe is degraded; null: the monitoring
 *     default
 * @param latencyThresholdMs over this end-to-end latency a probe is degraded; null: the default
 * @param probeMaxTokens the token budget of a probe (reasoning models need more); null: the default
 */
@Schema(name = "ModelRequest")
record ModelRequest(
    @Schema(description = "The provider account (UUID); required when creating")
        @JsonProperty("provider_account_id")
        String providerAccountId,
    @Schema(description = "The provider's model id; required when creating")
        @JsonProperty("model_id")
        @Size(max = 256, message = "model_id must be at most 256 characters")
        String modelId,
    @JsonProperty("custom_name")
        @Size(max = 200, message = "custom_name must be at most 200 characters")
        String customName,
    @Schema(description = "Default false") @JsonProperty("enabled_for_monitoring")
        Boolean enabledForMonitoring,
    @Schema(description = "Default true") @JsonProperty("enabled_for_benchmark")
        Boolean enabledForBenchmark,
    @JsonProperty("ttft_threshold_ms")
        @Min(value = 1, message = "ttft_threshold_ms must be between 1 and 600000")
        @Max(value = 600_000, message = "ttft_threshold_ms must be between 1 and 600000")
        Integer ttftThresholdMs,
    @JsonProperty("latency_threshold_ms")
        @Min(value = 1, message = "latency_threshold_ms must be between 1 and 3600000")
        @Max(value = 3_600_000, message = "latency_threshold_ms must be between 1 and 3600000")
        Integer latencyThresholdMs,
    @JsonProperty("probe_max_tokens")
        @Min(value = 16, message = "probe_max_tokens must be between 16 and 32768")
        @Max(value = 32_768, message = "probe_max_tokens must be between 16 and 32768")
        Integer probeMaxTokens,
    @JsonProperty("metadata") Map<String, Object> metadata) {}
