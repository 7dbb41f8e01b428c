package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer of {@code GET /api/v1/ai/providers}: the fallback chain in the order it is tried. */
@Schema(name = "AiChain")
record ChainView(
    @JsonProperty("items") List<Link> items,
    @Schema(nullable = true, description = "Why a cost cap pauses descriptions now; null if not")
        @JsonProperty("paused_reason")
        String pausedReason) {

  /** One link of the chain. */
  @Schema(name = "AiChainLink")
  record Link(
      @Schema(description = "1 for the first tried") @JsonProperty("position") int position,
      @Schema(description = "The llm_models id (camera_settings.ai_chain)")
          @JsonProperty("model_id")
          UUID modelId,
      @Schema(nullable = true, description = "The provider's model id, e.g. gpt-4o-mini")
          @JsonProperty("model")
          String model,
      @Schema(nullable = true) @JsonProperty("provider_id") UUID providerId,
      @Schema(nullable = true, description = "The provider account's display name")
          @JsonProperty("provider")
          String provider,
      @Schema(nullable = true) @JsonProperty("provider_type") String providerType,
      @JsonProperty("vision_capable") boolean visionCapable,
      @Schema(
              description =
                  "ok, failing (its last call failed), circuit_open, paused_by_cap, or unavailable"
                      + " (it cannot take part: see problem)")
          @JsonProperty("state")
          String state,
      @Schema(nullable = true, description = "Why the link cannot take part")
          @JsonProperty("problem")
          String problem,
      @Schema(nullable = true) @JsonProperty("last_error") String lastError,
      @Schema(nullable = true) @JsonProperty("last_call_at") Instant lastCallAt) {}
}
