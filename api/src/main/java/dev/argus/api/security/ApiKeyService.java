package dev.argus.api.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Creates, finds and authenticates API keys. */
@Service
class ApiKeyService {

  private final ApiKeyRepository keys;
  private final SecurityProperties properties;
  private final Clock clock;

  ApiKeyService(ApiKeyRepository keys, SecurityProperties properties, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
  }

  CreatedApiKey create(NewApiKeyRequest request) {
    List<Scope> scopes = parseScopes(request.scopes());
    if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
      throw unprocessable("expires_at must be in the future");
    }
    String key = ApiKeySecrets.newKey();
    ApiKey stored =
        keys.insert(
            UUID.randomUUID(),
            request.name().strip(),
            ApiKeySecrets.prefixOf(key),
            ApiKeySecrets.hash(key),
            scopes,
            request.expiresAt(),
            request.rateLimitPerMinute());
    return new CreatedApiKey(stored, key);
  }

  /** The caller a presented key stands for, if it is the bootstrap key or a usable stored key. */
  Optional<Caller> authenticate(String presented) {
    if (properties.apiKey() != null && ApiKeySecrets.sameKey(presented, properties.apiKey())) {
      return Optional.of(
          new Caller(
              null,
              Caller.BOOTSTRAP_BUCKET,
              List.of(Scope.ADMIN),
              properties.rateLimitPerMinute(),
              false));
    }
    Instant now = clock.instant();
    return keys.findByHash(ApiKeySecrets.hash(presented))
        .filter(key -> key.usableAt(now))
        .map(
            key ->
                new Caller(
                    key.id(),
                    "key:" + key.id(),
                    key.scopes(),
                    key.rateLimitPerMinute() != null
                        ? key.rateLimitPerMinute()
                        : properties.rateLimitPerMinute(),
                    key.rateLimitPerMinute() != null));
  }

  void recordUse(Caller caller, String ip) {
    if (caller.storedKeyId() != null) {
      keys.recordUse(caller.storedKeyId(), ip);
    }
  }

  List<ApiKey> all() {
    return keys.all();
  }

  ApiKey get(UUID id) {
    return keys.find(id).orElseThrow(() -> notFound(id));
  }

  ApiKey setEnabled(UUID id, boolean enabled) {
    return keys.setEnabled(id, enabled)
        .orElseThrow(
            () ->
                keys.find(id).isPresent()
                    ? new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "API key '" + id + "' is revoked and cannot be changed")
                    : notFound(id));
  }

  ApiKey revoke(UUID id) {
    return keys.revoke(id).orElseThrow(() -> notFound(id));
  }

  private static List<Scope> parseScopes(List<String> names) {
    var scopes = new LinkedHashSet<Scope>();
    var unknown = new ArrayList<String>();
    for (String name : names) {
      try {
        scopes.add(Scope.fromWireName(name));
      } catch (IllegalArgumentException e) {
        unknown.add("'" + name + "'");
      }
    }
    if (!unknown.isEmpty()) {
      throw unprocessable(
          "unknown scope(s) "
              + String.join(", ", unknown)
              + "; known scopes: "
              + Scope.allWireNames());
    }
    return List.copyOf(scopes);
  }

  private static ResponseStatusException notFound(UUID id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "API key '" + id + "' not found");
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
