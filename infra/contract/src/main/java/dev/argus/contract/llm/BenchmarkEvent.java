package dev.argus.contract.llm;

import java.time.Instant;

/**
 * What happens in a benchmark run, published by the collector that runs it to {@code
 * argus.llm.benchmark} (key: run UUID, so one run's events keep their order): {@code started}, one
 * {@code result} per measured request (warm-ups are not published), {@code completed} or {@code
 * failed}. The processor derives the run's statistics from the results; any api replica feeds the
 * run's WebSocket from this topic.
 *
 * @param completed measured requests done so far (failed ones included)
 * @param total measured requests the run will make
 * @param currentModel the model (UUID) being measured
 * @param result {@code result}: the measurement
 * @param error {@code failed}: why
 */
public record BenchmarkEvent(
    int schemaVersion,
    String runId,
    String type,
    Instant timestamp,
    int completed,
    int total,
    String currentModel,
    LlmProbeReading result,
    String error) {

  public static final int SCHEMA_VERSION = 1;
  public static final String STARTED = "started";
  public static final String RESULT = "result";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  public BenchmarkEvent {
    if (runId == null || runId.isBlank() || timestamp == null) {
      throw new IllegalArgumentException("run_id and timestamp are required");
    }
    if (RESULT.equals(type) && result == null) {
      throw new IllegalArgumentException("a result event carries its result");
    }
    if (!STARTED.equals(type)
        && !RESULT.equals(type)
        && !COMPLETED.equals(type)
        && !FAILED.equals(type)) {
      throw new IllegalArgumentException("unknown benchmark event type: " + type);
    }
  }
}
