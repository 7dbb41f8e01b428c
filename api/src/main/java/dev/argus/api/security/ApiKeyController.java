package dev.argus.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/api-keys}: managing keys needs the {@code admin} scope (see AccessRules). */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "api-keys")
class ApiKeyController {

  private final ApiKeyService keys;

  ApiKeyController(ApiKeyService keys) {
    this.keys = keys;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a key; the key is in this answer and never again")
  CreatedApiKey create(@Valid @RequestBody NewApiKeyRequest request) {
    return keys.create(request);
  }

  @GetMapping
  @Operation(summary = "All keys (prefix, scopes, status, usage), never the keys themselves")
  List<ApiKey> list() {
    return keys.all();
  }

  @GetMapping("/{id}")
  ApiKey get(@PathVariable UUID id) {
    return keys.get(id);
  }

  @GetMapping("/{id}/usage")
  @Operation(summary = "When and from where a key was last used, and how often")
  KeyUsage usage(@PathVariable UUID id) {
    ApiKey key = keys.get(id);
    return new KeyUsage(key.id(), key.lastUsedAt(), key.usageCount(), key.lastUsedIp());
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Enable or disable a key")
  @ApiResponse(responseCode = "200", description = "The key")
  @ApiResponse(
      responseCode = "409",
      description = "The key is revoked and cannot be changed",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ApiKey setEnabled(@PathVariable UUID id, @Valid @RequestBody EnabledRequest request) {
    return keys.setEnabled(id, request.enabled());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke a key for good")
  ApiKey revoke(@PathVariable UUID id) {
    return keys.revoke(id);
  }

  record KeyUsage(
      @JsonProperty("id") UUID id,
      @Schema(nullable = true) @JsonProperty("last_used") Instant lastUsed,
      @JsonProperty("usage_count") long usageCount,
      @Schema(nullable = true) @JsonProperty("last_ip") String lastIp) {}
}
