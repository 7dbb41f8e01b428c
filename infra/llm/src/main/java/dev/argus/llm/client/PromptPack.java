package dev.argus.llm.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A prompt for probes and benchmarks.
 *
 * @param expectedTokens roughly how many tokens a good answer has (the seed's field)
 * @param maxTokens the token budget a probe with this pack sends: at least 16, which some APIs
 *     require, and larger where a reasoning model must think before it answers
 */
public record PromptPack(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("prompt") String prompt,
    @JsonProperty("expected_tokens") int expectedTokens,
    @JsonProperty("max_tokens") int maxTokens) {}
