package dev.argus.api.llm.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/benchmarks}. Omitted numbers take their defaults; that the models
 * and the prompt pack exist is checked by {@link BenchmarkService}.
 */
record BenchmarkRequest(
    @JsonProperty("model_ids")
        @NotEmpty(message = "model_ids must name at least one model")
        @Size(max = 50, message = "model_ids may name at most 50 models")
        List<UUID> modelIds,
    @JsonProperty("prompt_pack") @NotBlank(message = "prompt_pack is required") String promptPack,
    @Schema(nullable = true) @Size(max = 200, message = "name must be at most 200 characters")
        String name,
    @JsonProperty("max_tokens")
        @Schema(defaultValue = "200")
        @Min(value = 1, message = "max_tokens must be between 1 and 4096")
        @Max(value = 4096, message = "max_tokens must be between 1 and 4096")
        Integer maxTokens,
    @JsonProperty("num_runs")
        @Schema(defaultValue = "3")
        @Min(value = 1, message = "num_runs must be between 1 and 10")
        @Max(value = 10, message = "num_runs must be between 1 and 10")
        Integer numRuns,
    @Schema(defaultValue = "1")
        @Min(value = 1, message = "concurrency must be between 1 and 10")
        @Max(value = 10, message = "concurrency must be between 1 and 10")
        Integer concurrency,
    @JsonProperty("warmup_runs")
        @Schema(defaultValue = "1")
        @Min(value = 0, message = "warmup_runs must be between 0 and 5")
        @Max(value = 5, message = "warmup_runs must be between 0 and 5")
        Integer warmupRuns) {

  static final int DEFAULT_MAX_TOKENS = 200;
  static final int DEFAULT_NUM_RUNS = 3;
  static final int DEFAULT_CONCURRENCY = 1;
  static final int DEFAULT_WARMUP_RUNS = 1;

  /** This request with every omitted number at its default. */
  BenchmarkRequest withDefaults() {
    return new BenchmarkRequest(
        modelIds,
        promptPack,
        name,
        maxTokens != null ? maxTokens : DEFAULT_MAX_TOKENS,
        numRuns != null ? numRuns : DEFAULT_NUM_RUNS,
        concurrency != null ? concurrency : DEFAULT_CONCURRENCY,
        warmupRuns != null ? warmupRuns : DEFAULT_WARMUP_RUNS);
  }
}
