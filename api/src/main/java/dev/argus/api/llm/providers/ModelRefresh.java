package dev.argus.api.llm.providers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code POST /api/v1/providers/{id}/refresh-models}; a provider failure is {@code
 * success: false} with its own error, no models changed.
 *
 * @param modelsDiscovered how many models the provider lists, every page read (the seed's field)
 * @param modelsAdded how many of them were new and added
 */
@Schema(name = "ModelRefresh")
record ModelRefresh(
    @JsonProperty("success") boolean success,
    @Schema(description = "Models the provider lists, every page read")
        @JsonProperty("models_discovered")
        int modelsDiscovered,
    @Schema(description = "Of those, the new ones added (source discovered, monitoring off)")
        @JsonProperty("models_added")
        int modelsAdded,
    @JsonProperty("message") String message) {}
