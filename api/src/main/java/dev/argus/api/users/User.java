package dev.argus.api.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.signin.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A person's account as {@code /api/v1/users} shows it: never the password or its hash. */
record User(
    @JsonProperty("id") long id,
    @JsonProperty("username") String username,
    @JsonProperty("role") Role role,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("created_at") Instant createdAt,
    @Schema(nullable = true) @JsonProperty("last_login_at") Instant lastLoginAt) {}
