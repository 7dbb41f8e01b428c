package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.llm.vision.ChainOutcome;
import dev.argus.llm.vision.VisionAnswer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer of {@code POST /api/v1/ai/describe}. */
@Schema(name = "AiImageDescription")
record ImageDescriptionView(
    @JsonProperty("description") String description,
    @Schema(description = "person, vehicle, animal, package or motion")
        @JsonProperty("detection_type")
        String detectionType,
    @JsonProperty("objects") List<ObjectView> objects,
    @Schema(description = "The provider account that answered") @JsonProperty("provider")
        String provider,
    @JsonProperty("provider_id") String providerId,
    @JsonProperty("model") String model,
    @Schema(nullable = true) @JsonProperty("input_tokens") Integer inputTokens,
    @Schema(nullable = true) @JsonProperty("output_tokens") Integer outputTokens,
    @Schema(nullable = true, description = "From the price table; null when the model has none")
        @JsonProperty("cost_usd")
        Double costUsd,
    @Schema(description = "Of the call that answered") @JsonProperty("latency_ms") long latencyMs,
    @Schema(description = "From the first attempt to the answer") @JsonProperty("total_latency_ms")
        long totalLatencyMs,
    @Schema(description = "Every provider tried, in order, with what happened")
        @JsonProperty("attempts")
        List<String> attempts) {

  static ImageDescriptionView of(ChainOutcome outcome) {
    VisionAnswer answer = outcome.answer();
    return new ImageDescriptionView(
        answer.description(),
        answer.detectionType(),
        ObjectView.of(answer.objects()),
        answer.provider(),
        answer.providerId(),
        answer.model(),
        answer.inputTokens(),
        answer.outputTokens(),
        answer.costUsd(),
        answer.latencyMs(),
        outcome.totalLatencyMs(),
        outcome.attempts());
  }
}
