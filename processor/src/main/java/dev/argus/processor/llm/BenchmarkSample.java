package dev.argus.processor.llm;

import dev.argus.contract.llm.LlmProbeReading;

/** The figures of one benchmark result that the statistics need, as the run's state keeps them. */
record BenchmarkSample(
    String readingId,
    String modelId,
    boolean success,
    Double ttftMs,
    Double tpotMs,
    Double latencyMs,
    Double tps) {

  static BenchmarkSample of(LlmProbeReading result) {
    return new BenchmarkSample(
        result.readingId(),
        result.modelId(),
        result.success(),
        result.ttftMs(),
        result.tpotMs(),
        result.latencyMs(),
        result.tps());
  }
}
