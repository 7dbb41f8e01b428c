package dev.argus.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Percentiles of a set of measured durations, by the nearest-rank method: the p-th percentile is
 * the smallest sample with at least p% of the samples at or below it, so it is always a value that
 * was actually measured.
 */
record Percentiles(int count, double p50, double p95, double p99, double max) {

  static Percentiles of(List<Double> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples: nothing was measured, see the log above");
    }
    double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length,
        rank(sorted, 50),
        rank(sorted, 95),
        rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
