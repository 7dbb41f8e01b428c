package dev.argus.processor.llm;

import dev.argus.contract.llm.BenchmarkStatistics.Summary;
import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles by linear interpolation between closest ranks (Hyndman–Fan type 7: numpy's default
 * and PostgreSQL's {@code percentile_cont}): the p-th percentile of n sorted values sits at
 * position (n − 1) · p / 100, interpolated between the two values around it. With few values the
 * high percentiles are the maximum: read {@code n} beside them.
 */
public final class Percentiles {

  private Percentiles() {}

  /**
   * @param sorted ascending, at least one value
   * @param p between 0 and 100
   */
  public static double of(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("a percentile needs at least one value");
    }
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("p must be between 0 and 100, was " + p);
    }
    double position = (sorted.length - 1) * p / 100.0;
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }

  /** The values in ascending order, without nulls and non-finite values. */
  public static double[] sorted(Collection<Double> values) {
    return values.stream()
        .filter(v -> v != null && Double.isFinite(v))
        .mapToDouble(Double::doubleValue)
        .sorted()
        .toArray();
  }

  public static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  /** p50, p95, p99, mean, min and max of the values; every field null when there are none. */
  public static Summary summary(Collection<Double> values) {
    double[] sorted = sorted(values);
    if (sorted.length == 0) {
      return new Summary(null, null, null, null, null, null);
    }
    return new Summary(
        of(sorted, 50),
        of(sorted, 95),
        of(sorted, 99),
        mean(sorted),
        sorted[0],
        sorted[sorted.length - 1]);
  }
}
