package dev.argus.processor.llm;

import java.time.Instant;

/** The figures of one answered probe that {@code performance_degradation} windows are made of. */
record ProbeSample(Instant at, Double ttftMs, Double latencyMs, Double tps) {

  Double metric(String name) {
    return switch (name) {
      case "ttft_ms" -> ttftMs;
      case "latency_ms" -> latencyMs;
      case "tps" -> tps;
      default -> null;
    };
  }
}
