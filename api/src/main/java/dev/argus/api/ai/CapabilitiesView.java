package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.detection.DetectionSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code GET /api/v1/ai/capabilities}: what each provider account can describe, and
 * what types camera events (the CPU detector or the AI description).
 */
@Schema(name = "AiCapabilities")
record CapabilitiesView(
    @JsonProperty("items") List<Item> items,
    @Schema(description = "Whether the CPU detector or the AI description types camera events")
        @JsonProperty("detection")
        DetectionSummary detection) {

  @Schema(name = "AiProviderCapabilities")
  record Item(
      @JsonProperty("provider_id") UUID providerId,
      @JsonProperty("provider") String provider,
      @JsonProperty("provider_type") String providerType,
      @Schema(description = "Whether its protocol carries images") @JsonProperty("vision")
          boolean vision,
      @JsonProperty("images_per_request") int imagesPerRequest,
      @JsonProperty("max_image_bytes") long maxImageBytes) {}
}
