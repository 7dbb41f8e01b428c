package dev.argus.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PATCH /api/v1/api-keys/{id}}: enable or disable a key. */
record EnabledRequest(
    @JsonProperty("enabled") @NotNull(message = "enabled must be true or false") Boolean enabled) {}
