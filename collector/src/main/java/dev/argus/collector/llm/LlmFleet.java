package dev.argus.collector.llm;

import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmMonitoringConfig;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LLM providers, models and monitoring settings of {@code argus.config} as a job sees them:
 * taken once when the job starts, so a change during a run applies from the next job.
 *
 * @param providers by provider UUID
 * @param models by model UUID
 * @param monitoring the monitoring settings ({@link LlmMonitoringConfig#defaults()} while none was
 *     ever published)
 */
public record LlmFleet(
    Map<String, LlmProvider> providers,
    Map<String, LlmModelConfig> models,
    LlmMonitoringConfig monitoring) {

  public static final LlmFleet EMPTY =
      new LlmFleet(Map.of(), Map.of(), LlmMonitoringConfig.defaults());

  public LlmFleet {
    providers = Collections.unmodifiableMap(new TreeMap<>(providers));
    models = Collections.unmodifiableMap(new TreeMap<>(models));
    monitoring = monitoring == null ? LlmMonitoringConfig.defaults() : monitoring;
  }

  /** The models enabled for monitoring, in UUID order. */
  public List<LlmModelConfig> monitoredModels() {
    return models.values().stream().filter(LlmModelConfig::enabledForMonitoring).toList();
  }

  /** The thresholds a reading of {@code model} carries: its own, else the monitoring default. */
  public Thresholds thresholdsFor(LlmModelConfig model) {
    Integer ttft = model == null ? null : model.ttftThresholdMs();
    Integer latency = model == null ? null : model.latencyThresholdMs();
    return new Thresholds(
        ttft != null ? ttft : monitoring.ttftThresholdMs(),
        latency != null ? latency : monitoring.latencyThresholdMs());
  }

  /** Over these a probe that answered is {@code degraded}. */
  public record Thresholds(int ttftMs, int latencyMs) {}
}
