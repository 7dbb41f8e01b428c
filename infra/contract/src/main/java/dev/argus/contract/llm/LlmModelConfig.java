package dev.argus.contract.llm;

/**
 * A model of a provider account, discovered or added by hand, published under {@link
 * dev.argus.contract.config.ConfigKeys#llmModel}.
 *
 * @param id the model's UUID in Argus
 * @param providerId the UUID of its provider account
 * @param modelId the provider's own identifier, e.g. {@code gpt-4.1}, {@code llama3:8b}
 * @param customName a display name, or null
 * @param ttftThresholdMs over this time to first token a probe is {@code degraded}; null for the
 *     monitoring default
 * @param latencyThresholdMs over this end-to-end latency a probe is {@code degraded}; null for the
 *     monitoring default
 * @param probeMaxTokens the token budget of a probe of this model (larger for reasoning models);
 *     null for the monitoring default
 */
public record LlmModelConfig(
    String id,
    String providerId,
    String modelId,
    String customName,
    boolean enabledForMonitoring,
    boolean enabledForBenchmark,
    Integer ttftThresholdMs,
    Integer latencyThresholdMs,
    Integer probeMaxTokens) {

  public LlmModelConfig {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    if (providerId == null || providerId.isBlank()) {
      throw new IllegalArgumentException("provider_id is required");
    }
    if (modelId == null || modelId.isBlank()) {
      throw new IllegalArgumentException("model_id is required");
    }
  }

  /** What people call it: the custom name, else the provider's id. */
  public String displayName() {
    return customName == null || customName.isBlank() ? modelId : customName;
  }
}
