package dev.argus.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/v1/api-keys}. */
record NewApiKeyRequest(
    @JsonProperty("name")
        @NotBlank(message = "name must not be blank")
        @Size(max = 100, message = "name must be at most 100 characters")
        String name,
    @JsonProperty("scopes") @NotEmpty(message = "scopes must name at least one scope")
        List<String> scopes,
    @JsonProperty("expires_at") Instant expiresAt,
    @JsonProperty("rate_limit_per_minute")
        @Min(value = 1, message = "rate_limit_per_minute must be between 1 and 100000")
        @Max(value = 100_000, message = "rate_limit_per_minute must be between 1 and 100000")
        Integer rateLimitPerMinute) {}
