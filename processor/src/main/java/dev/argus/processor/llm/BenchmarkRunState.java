package dev.argus.processor.llm;

import java.util.List;

/**
 * What the statistics remember about one benchmark run, kept in the store {@value
 * LlmTopology#BENCHMARK_RUN_STORE} (JSON, key: run UUID).
 *
 * @param closed the run completed or failed: its final statistics are published and its results
 *     dropped; a result that arrives later is ignored
 * @param results the measured results so far, at most {@link LlmSettings#maxResultsPerRun}
 * @param dropped results not counted because the run already held the maximum
 */
record BenchmarkRunState(boolean closed, List<BenchmarkSample> results, int dropped) {

  BenchmarkRunState {
    results = results == null ? List.of() : List.copyOf(results);
  }

  static BenchmarkRunState empty() {
    return new BenchmarkRunState(false, List.of(), 0);
  }
}
