package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderSpec;

/**
 * One link of the fallback chain: a model of a provider account, with the account's plaintext
 * credentials in {@link #spec} (the caller decrypts them).
 *
 * @param providerId the account's UUID (the circuit breaker's name)
 * @param providerName the account's display name, as answers and usage report it
 * @param modelId the provider's model id, e.g. {@code gpt-4o-mini}
 */
public record VisionTarget(
    String providerId, String providerName, ProviderSpec spec, String modelId) {}
