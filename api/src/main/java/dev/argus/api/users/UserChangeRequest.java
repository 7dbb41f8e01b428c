package dev.argus.api.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PATCH /api/v1/users/{id}}: what is present changes, the rest stays. */
record UserChangeRequest(
    @Schema(allowableValues = {"admin", "operator", "viewer"}) @JsonProperty("role") String role,
    @JsonProperty("enabled") Boolean enabled,
    @Schema(description = "A new password: at least 12 characters, at most 72 bytes")
        @JsonProperty("password")
        String password) {}
