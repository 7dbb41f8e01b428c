package dev.argus.contract.llm;

import java.time.Instant;
import java.util.Map;

/**
 * A benchmark run's statistics, derived by the processor from the run's results and published to
 * the compacted {@code argus.llm.benchmark.stats} (key: run UUID) after every result. Percentiles
 * are linear interpolations between closest ranks (numpy's default, PostgreSQL {@code
 * percentile_cont}); always read {@code n} beside them.
 *
 * <p>{@code byModel} is the honest breakdown, per model, never pooled; the flat {@code ttft*} and
 * {@code tps*} figures over all models' successful results are what clients of the seed's system
 * read.
 */
public record BenchmarkStatistics(
    String runId,
    int n,
    int errors,
    Double ttftP50,
    Double ttftP95,
    Double ttftP99,
    Double tpsP50,
    Double tpsP95,
    Double tpsP99,
    Map<String, ModelStatistics> byModel,
    Instant updatedAt) {

  public BenchmarkStatistics {
    byModel = byModel == null ? Map.of() : Map.copyOf(byModel);
  }

  /** One model's figures in a run: {@code n} results, of which {@code errors} failed. */
  public record ModelStatistics(
      int n, int errors, Summary ttftMs, Summary tpotMs, Summary latencyMs, Summary tps) {}

  /** Of the successful results' values; null fields when there were none. */
  public record Summary(Double p50, Double p95, Double p99, Double mean, Double min, Double max) {}
}
