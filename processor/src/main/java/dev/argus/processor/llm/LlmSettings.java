package dev.argus.processor.llm;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmProbeReading;
import java.util.Objects;

/**
 * What {@link LlmTopology} needs to know: its topics and the bounds of its state. Plain data, so
 * the topology can be built and tested without Spring or a broker.
 *
 * @param config the compacted configuration topic: alert rules, models and providers
 * @param maxResultsPerRun a benchmark run's statistics are computed over at most this many results;
 *     later ones are not counted (a run makes models × {@code num_runs} ≤ 10 requests per model)
 * @param maxSamplesPerModel a model keeps at most this many probe samples for {@code
 *     performance_degradation} windows; the oldest go first
 */
public record LlmSettings(
    Topic<String, LlmProbeReading> readings,
    Topic<String, BenchmarkEvent> benchmark,
    Topic<String, LlmModelStatus> statuses,
    Topic<String, BenchmarkStatistics> statistics,
    Topic<String, DerivedEvent> events,
    Topic<String, ConfigEntry> config,
    int maxResultsPerRun,
    int maxSamplesPerModel) {

  public static final int DEFAULT_MAX_RESULTS_PER_RUN = 10_000;
  public static final int DEFAULT_MAX_SAMPLES_PER_MODEL = 2_000;

  public LlmSettings {
    Objects.requireNonNull(readings, "readings topic is required");
    Objects.requireNonNull(benchmark, "benchmark topic is required");
    Objects.requireNonNull(statuses, "statuses topic is required");
    Objects.requireNonNull(statistics, "statistics topic is required");
    Objects.requireNonNull(events, "events topic is required");
    Objects.requireNonNull(config, "config topic is required");
    if (maxResultsPerRun < 1 || maxSamplesPerModel < 1) {
      throw new IllegalArgumentException(
          "maxResultsPerRun and maxSamplesPerModel must be at least 1");
    }
  }

  /** The catalog's topics and the default bounds. */
  public static LlmSettings defaults() {
    return new LlmSettings(
        Topics.READINGS_LLM,
        Topics.LLM_BENCHMARK,
        Topics.LLM_STATUS,
        Topics.LLM_BENCHMARK_STATS,
        Topics.EVENTS,
        Topics.CONFIG,
        DEFAULT_MAX_RESULTS_PER_RUN,
        DEFAULT_MAX_SAMPLES_PER_MODEL);
  }
}
