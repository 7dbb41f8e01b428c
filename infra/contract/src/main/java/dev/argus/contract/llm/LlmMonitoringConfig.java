package dev.argus.contract.llm;

/**
 * The global monitoring settings ({@code /api/v1/monitoring/config}), published under {@link
 * dev.argus.contract.config.ConfigKeys#LLM_MONITORING}.
 *
 * @param intervalMinutes how often every enabled model is probed, at least 1
 * @param promptPack the prompt pack of the probes
 * @param ttftThresholdMs default: over this time to first token a probe is {@code degraded}
 * @param latencyThresholdMs default: over this end-to-end latency a probe is {@code degraded}
 * @param probeMaxTokens default token budget of a probe, at least 16
 * @param probeTimeoutSeconds per-request timeout of a probe
 * @param concurrencyPerProvider how many probes run at once against one provider account
 */
public record LlmMonitoringConfig(
    boolean enabled,
    int intervalMinutes,
    String promptPack,
    int ttftThresholdMs,
    int latencyThresholdMs,
    int probeMaxTokens,
    int probeTimeoutSeconds,
    int concurrencyPerProvider) {

  public static final int MIN_PROBE_TOKENS = 16;

  public static LlmMonitoringConfig defaults() {
    return new LlmMonitoringConfig(true, 15, "health_check", 5_000, 30_000, 64, 60, 4);
  }

  public LlmMonitoringConfig {
    if (intervalMinutes < 1) {
      throw new IllegalArgumentException("interval_minutes must be at least 1");
    }
    if (promptPack == null || promptPack.isBlank()) {
      throw new IllegalArgumentException("prompt_pack is required");
    }
    if (probeMaxTokens < MIN_PROBE_TOKENS) {
      throw new IllegalArgumentException(
          "probe_max_tokens must be at least " + MIN_PROBE_TOKENS + " (some APIs refuse less)");
    }
    if (probeTimeoutSeconds < 1 || concurrencyPerProvider < 1) {
      throw new IllegalArgumentException(
          "probe_timeout_seconds and concurrency_per_provider must be at least 1");
    }
  }

  /** The token budget of a probe of {@code model}. */
  public int maxTokensFor(LlmModelConfig model) {
    Integer own = model.probeMaxTokens();
    return own == null ? probeMaxTokens : Math.max(MIN_PROBE_TOKENS, own);
  }
}
