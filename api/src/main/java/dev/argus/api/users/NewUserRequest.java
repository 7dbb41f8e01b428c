package dev.argus.api.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/v1/users}. */
record NewUserRequest(
    @JsonProperty("username") @NotNull(message = "username is required") String username,
    @Schema(description = "At least 12 characters, at most 72 bytes")
        @JsonProperty("password")
        @NotNull(message = "password is required")
        String password,
    @Schema(allowableValues = {"admin", "operator", "viewer"})
        @JsonProperty("role")
        @NotNull(message = "role is required (admin, operator or viewer)")
        String role) {}
