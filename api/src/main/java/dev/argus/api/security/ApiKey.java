package dev.argus.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored key as the api shows it: never the key itself, never its hash. */
record ApiKey(
    @JsonProperty("id") UUID id,
    @JsonProperty("name") String name,
    @JsonProperty("prefix") String prefix,
    @JsonProperty("scopes") List<Scope> scopes,
    @JsonProperty("enabled") boolean enabled,
    @Schema(nullable = true) @JsonProperty("expires_at") Instant expiresAt,
    @Schema(nullable = true) @JsonProperty("rate_limit_per_minute") Integer rateLimitPerMinute,
    @JsonProperty("created_at") Instant createdAt,
    @Schema(nullable = true) @JsonProperty("revoked_at") Instant revokedAt,
    @Schema(nullable = true) @JsonProperty("last_used") Instant lastUsedAt,
    @Schema(nullable = true) @JsonProperty("last_used_ip") String lastUsedIp,
    @JsonProperty("usage_count") long usageCount) {

  /** {@code active}, {@code disabled}, {@code revoked} or {@code expired}, as of {@code now}. */
  @JsonProperty("status")
  String status() {
    return statusAt(Instant.now());
  }

  String statusAt(Instant now) {
    if (revokedAt != null) {
      return "revoked";
    }
    if (!enabled) {
      return "disabled";
    }
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      return "expired";
    }
    return "active";
  }

  boolean usableAt(Instant now) {
    return statusAt(now).equals("active");
  }
}
