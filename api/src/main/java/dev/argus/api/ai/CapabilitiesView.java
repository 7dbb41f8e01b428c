package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The answer of {@code GET /api/v1/ai/capabilities}: what each provider account can describe. */
@Schema(name = "AiCapabilities")
record CapabilitiesView(@JsonProperty("items") List<Item> items) {

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
