package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer of {@code POST /api/v1/ai/refine-prompt}. */
@Schema(name = "AiRefinedPrompt")
record RefinedPromptView(
    @JsonProperty("refined_prompt") String refinedPrompt,
    @Schema(description = "The provider account that wrote it") @JsonProperty("provider")
        String provider,
    @JsonProperty("model") String model,
    @Schema(nullable = true) @JsonProperty("input_tokens") Integer inputTokens,
    @Schema(nullable = true) @JsonProperty("output_tokens") Integer outputTokens,
    @Schema(nullable = true) @JsonProperty("cost_usd") Double costUsd,
    @JsonProperty("latency_ms") long latencyMs,
    @JsonProperty("attempts") List<String> attempts) {

  static RefinedPromptView of(PromptRefiner.Refinement r) {
    return new RefinedPromptView(
        r.refinedPrompt(),
        r.by().providerName(),
        r.by().modelId(),
        r.call().inputTokens(),
        r.call().outputTokens(),
        r.costUsd(),
        r.call().latencyMs(),
        r.attempts());
  }
}
