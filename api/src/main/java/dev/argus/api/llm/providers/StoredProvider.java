package dev.argus.api.llm.providers;

import dev.argus.contract.llm.LlmProviderConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code llm_providers} as stored: {@code credentials} hold envelopes ({@code enc:…}),
 * which only the collectors decrypt.
 */
record StoredProvider(
    UUID id,
    String providerType,
    String displayName,
    boolean enabled,
    String baseUrl,
    String region,
    Map<String, String> credentials,
    Map<String, String> options,
    long modelCount,
    Instant createdAt,
    Instant updatedAt) {

  /** What clients see: the names of the secrets, never their values. */
  Provider view() {
    Map<String, String> masked = new LinkedHashMap<>();
    credentials.keySet().forEach(name -> masked.put(name, ProviderRules.MASK));
    return new Provider(
        id,
        providerType,
        displayName,
        enabled,
        baseUrl,
        region,
        masked,
        options,
        modelCount,
        createdAt,
        updatedAt);
  }

  /** What collectors get on {@code argus.config}: the credentials still encrypted. */
  LlmProviderConfig toConfig() {
    return new LlmProviderConfig(
        id.toString(), providerType, displayName, enabled, baseUrl, region, credentials, options);
  }
}
