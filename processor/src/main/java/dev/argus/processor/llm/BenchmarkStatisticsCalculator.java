package dev.argus.processor.llm;

import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.BenchmarkStatistics.ModelStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A run's statistics from its results: per model (never pooled across models) {@code n}, errors and
 * the {@link Percentiles#summary} of TTFT, TPOT, latency and tokens/s over its successful results;
 * and the flat TTFT and tokens/s percentiles over every model's successful results, which is what
 * clients of the seed's system read.
 */
final class BenchmarkStatisticsCalculator {

  private BenchmarkStatisticsCalculator() {}

  static BenchmarkStatistics of(String runId, List<BenchmarkSample> results, Instant updatedAt) {
    Map<String, List<BenchmarkSample>> perModel = new TreeMap<>();
    for (BenchmarkSample result : results) {
      perModel.computeIfAbsent(result.modelId(), id -> new ArrayList<>()).add(result);
    }
    Map<String, ModelStatistics> byModel = new TreeMap<>();
    perModel.forEach((model, samples) -> byModel.put(model, model(samples)));
    List<BenchmarkSample> successful = results.stream().filter(BenchmarkSample::success).toList();
    double[] ttft = Percentiles.sorted(values(successful, BenchmarkSample::ttftMs));
    double[] tps = Percentiles.sorted(values(successful, BenchmarkSample::tps));
    return new BenchmarkStatistics(
        runId,
        results.size(),
        results.size() - successful.size(),
        percentile(ttft, 50),
        percentile(ttft, 95),
        percentile(ttft, 99),
        percentile(tps, 50),
        percentile(tps, 95),
        percentile(tps, 99),
        byModel,
        updatedAt);
  }

  private static ModelStatistics model(List<BenchmarkSample> samples) {
    List<BenchmarkSample> successful = samples.stream().filter(BenchmarkSample::success).toList();
    return new ModelStatistics(
        samples.size(),
        samples.size() - successful.size(),
        Percentiles.summary(values(successful, BenchmarkSample::ttftMs)),
        Percentiles.summary(values(successful, BenchmarkSample::tpotMs)),
        Percentiles.summary(values(successful, BenchmarkSample::latencyMs)),
        Percentiles.summary(values(successful, BenchmarkSample::tps)));
  }

  private static List<Double> values(
      List<BenchmarkSample> samples, Function<BenchmarkSample, Double> metric) {
    List<Double> values = new ArrayList<>(samples.size());
    for (BenchmarkSample sample : samples) {
      values.add(metric.apply(sample));
    }
    return values;
  }

  private static Double percentile(double[] sorted, double p) {
    return sorted.length == 0 ? null : Percentiles.of(sorted, p);
  }
}
