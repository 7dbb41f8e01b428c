package dev.argus.contract.llm;

import java.util.Map;

/**
 * A provider account as managed through {@code /api/v1/providers}, published under {@link
 * dev.argus.contract.config.ConfigKeys#llmProvider}. Collectors build their provider clients from
 * it.
 *
 * @param id the account's UUID
 * @param providerType a type of the provider catalog, e.g. {@code openai}, {@code anthropic},
 *     {@code ollama}, {@code azure_openai}
 * @param baseUrl where the provider answers; null for the type's default
 * @param region the provider's region where it has regions, else null
 * @param credentials secrets only (e.g. {@code api_key}), each value encrypted with the system's
 *     secret cipher ({@code enc:…}) on the topic as at rest; collectors decrypt them
 * @param options non-secret settings of the type, e.g. Azure's {@code resource}, {@code
 *     deployment}, {@code api_version}
 */
public record LlmProviderConfig(
    String id,
    String providerType,
    String displayName,
    boolean enabled,
    String baseUrl,
    String region,
    Map<String, String> credentials,
    Map<String, String> options) {

  public LlmProviderConfig {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    if (providerType == null || providerType.isBlank()) {
      throw new IllegalArgumentException("provider_type is required");
    }
    credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
