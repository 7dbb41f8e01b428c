package dev.argus.contract.llm;

import java.util.Set;

/**
 * An alert rule ({@code /api/v1/alerts/rules}), published under {@link
 * dev.argus.contract.config.ConfigKeys#llmRule}; the processor evaluates it on the probe readings.
 *
 * @param ruleType one of {@link #RULE_TYPES}
 * @param targetModelId {@code specific_model_down}: the model's UUID
 * @param targetModelName {@code model_unavailable_everywhere}: the provider's model id, matched
 *     exactly (not as a substring) on every provider that serves it
 * @param threshold {@code performance_degradation}: what is measured against what
 */
public record LlmAlertRuleConfig(
    String id,
    String name,
    String ruleType,
    String targetModelId,
    String targetModelName,
    boolean enabled,
    boolean notifyInApp,
    PerformanceThreshold threshold) {

  public static final String ANY_MODEL_DOWN = "any_model_down";
  public static final String SPECIFIC_MODEL_DOWN = "specific_model_down";
  public static final String MODEL_UNAVAILABLE_EVERYWHERE = "model_unavailable_everywhere";
  public static final String PERFORMANCE_DEGRADATION = "performance_degradation";
  public static final Set<String> RULE_TYPES =
      Set.of(
          ANY_MODEL_DOWN,
          SPECIFIC_MODEL_DOWN,
          MODEL_UNAVAILABLE_EVERYWHERE,
          PERFORMANCE_DEGRADATION);

  public LlmAlertRuleConfig {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    if (!RULE_TYPES.contains(ruleType)) {
      throw new IllegalArgumentException(
          "rule_type must be one of " + RULE_TYPES + ", was " + ruleType);
    }
    if (SPECIFIC_MODEL_DOWN.equals(ruleType) && isBlank(targetModelId)) {
      throw new IllegalArgumentException("target_model_id is required for specific_model_down");
    }
    if (MODEL_UNAVAILABLE_EVERYWHERE.equals(ruleType) && isBlank(targetModelName)) {
      throw new IllegalArgumentException(
          "target_model_name is required for model_unavailable_everywhere");
    }
    if (PERFORMANCE_DEGRADATION.equals(ruleType) && threshold == null) {
      throw new IllegalArgumentException(
          "threshold_config is required for performance_degradation");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * @param metric {@code ttft_ms}, {@code latency_ms} or {@code tps}
   * @param statistic {@code p50}, {@code p95} or {@code mean} over the window
   * @param threshold breached when the statistic is above it ({@code tps}: below it)
   * @param windowMinutes how far back the samples reach
   * @param minSamples fewer samples in the window decide nothing
   */
  public record PerformanceThreshold(
      String metric, String statistic, double threshold, int windowMinutes, int minSamples) {

    public static final Set<String> METRICS = Set.of("ttft_ms", "latency_ms", "tps");
    public static final Set<String> STATISTICS = Set.of("p50", "p95", "mean");

    public PerformanceThreshold {
      if (!METRICS.contains(metric)) {
        throw new IllegalArgumentException("metric must be one of " + METRICS + ", was " + metric);
      }
      if (!STATISTICS.contains(statistic)) {
        throw new IllegalArgumentException(
            "statistic must be one of " + STATISTICS + ", was " + statistic);
      }
      if (windowMinutes < 1 || minSamples < 1) {
        throw new IllegalArgumentException("window_minutes and min_samples must be at least 1");
      }
    }
  }
}
