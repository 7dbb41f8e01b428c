package dev.argus.api.ai;

import java.time.Instant;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * How the prompt contexts of this replica were built since it started: how many, how often each
 * source contributed, and how long building took (mean over all, p95 over the last {@value
 * #WINDOW}). In memory per replica: each replica reports its own descriptions.
 */
@Component
class ContextMetrics {

  static final int WINDOW = 1_000;

  /** A copy of the counters at one moment. */
  record Snapshot(
      Instant since,
      long builds,
      long cameraNameHits,
      long timeOfDayHits,
      long recentSimilarHits,
      double meanMs,
      double p95Ms) {}

  private final Instant since = Instant.now();
  private final long[] recentNanos = new long[WINDOW];
  private long builds;
  private long cameraNameHits;
  private long timeOfDayHits;
  private long recentSimilarHits;
  private long totalNanos;

  synchronized void add(PromptContext context) {
    recentNanos[(int) (builds % WINDOW)] = context.buildNanos();
    builds++;
    totalNanos += context.buildNanos();
    cameraNameHits += context.cameraName() ? 1 : 0;
    timeOfDayHits += context.timeOfDay() ? 1 : 0;
    recentSimilarHits += context.recentSimilar() ? 1 : 0;
  }

  synchronized Snapshot snapshot() {
    double mean = builds == 0 ? 0 : totalNanos / (double) builds / 1e6;
    return new Snapshot(
        since, builds, cameraNameHits, timeOfDayHits, recentSimilarHits, mean, p95Ms());
  }

  private double p95Ms() {
    int kept = (int) Math.min(builds, WINDOW);
    if (kept == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(recentNanos, kept);
    Arrays.sort(sorted);
    // Nearest rank: the smallest value with at least 95 % of the values at or below it.
    int rank = (int) Math.ceil(0.95 * kept);
    return sorted[rank - 1] / 1e6;
  }
}
