package dev.argus.api.llm.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.llm.client.PromptPack;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A prompt pack as {@code GET /api/v1/monitoring/prompt-packs} lists it.
 *
 * @param expectedTokens roughly how many tokens a good answer has (the seed's field)
 * @param maxTokens the token budget a probe with this pack sends
 */
@Schema(name = "PromptPack")
record PromptPackItem(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("prompt") String prompt,
    @JsonProperty("expected_tokens") int expectedTokens,
    @Schema(description = "The token budget a probe with this pack sends (at least 16)")
        @JsonProperty("max_tokens")
        int maxTokens) {

  static PromptPackItem of(PromptPack pack) {
    return new PromptPackItem(
        pack.id(), pack.name(), pack.prompt(), pack.expectedTokens(), pack.maxTokens());
  }
}
