package dev.argus.api.llm.providers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/providers}, and what a {@code PATCH} names. {@code base_url} and
 * {@code region} are top-level; clients of the seed's system put them (and Azure's {@code
 * resource}, {@code deployment}, {@code api_version}) inside {@code credentials}, where {@link
 * ProviderRules} finds and moves them, so that {@code credentials} holds secrets only.
 *
 * @param credentials secrets, e.g. {@code {"api_key": "sk-..."}}; in a PATCH a secret sent back
 *     masked ({@value ProviderRules#MASK}) or left out keeps its stored value, null removes it
 * @param options non-secret settings of the type, e.g. Azure's {@code deployment}
 */
@Schema(name = "ProviderRequest")
record ProviderRequest(
    @Schema(description = "A provider type of the catalog, e.g. openai, anthropic, ollama")
        @JsonProperty("provider_type")
        String providerType,
    @JsonProperty("display_name") String displayName,
    @Schema(description = "Default true") @JsonProperty("enabled") Boolean enabled,
    @Schema(description = "Where the provider answers; null for the type's default")
        @JsonProperty("base_url")
        String baseUrl,
    @JsonProperty("region") String region,
    @JsonProperty("credentials") Map<String, String> credentials,
    @JsonProperty("options") Map<String, String> options) {}
