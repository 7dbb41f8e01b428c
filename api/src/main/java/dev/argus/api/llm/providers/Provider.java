package dev.argus.api.llm.providers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A provider account as the api shows it: every secret of {@code credentials} masked ({@value
 * ProviderRules#MASK}), so a client sees which secrets are set but never their values.
 */
@Schema(name = "Provider")
record Provider(
    @JsonProperty("id") UUID id,
    @JsonProperty("provider_type") String providerType,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("enabled") boolean enabled,
    @Schema(nullable = true) @JsonProperty("base_url") String baseUrl,
    @Schema(nullable = true) @JsonProperty("region") String region,
    @Schema(description = "The names of the stored secrets, each value masked")
        @JsonProperty("credentials")
        Map<String, String> credentials,
    @JsonProperty("options") Map<String, String> options,
    @JsonProperty("model_count") long modelCount,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {}
