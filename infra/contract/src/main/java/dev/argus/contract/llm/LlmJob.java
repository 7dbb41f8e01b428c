package dev.argus.contract.llm;

import java.time.Instant;
import java.util.List;

/**
 * Work for the collectors on {@code argus.llm.jobs} (key: job id). The collectors read it in one
 * shared consumer group, so exactly one of them runs each job; the api enqueues a monitoring run on
 * every interval (one replica at a time) and on {@code POST /monitoring/run}, and a benchmark on
 * {@code POST /benchmarks}.
 *
 * @param kind {@link #MONITORING_RUN} or {@link #BENCHMARK}
 * @param runId what the results carry: the monitoring run id, or the benchmark's UUID
 * @param modelIds the models (UUIDs) to measure; for a monitoring run empty means every model
 *     enabled for monitoring
 * @param maxTokens benchmark: the token budget per request (monitoring uses the model's)
 * @param numRuns benchmark: measured requests per model
 * @param concurrency benchmark: requests in flight at once per model
 * @param warmupRuns benchmark: requests per model before the measured ones, one at a time, not
 *     measured
 */
public record LlmJob(
    String jobId,
    String kind,
    String runId,
    Instant requestedAt,
    List<String> modelIds,
    String promptPack,
    int maxTokens,
    int numRuns,
    int concurrency,
    int warmupRuns) {

  public static final String MONITORING_RUN = "monitoring_run";
  public static final String BENCHMARK = "benchmark";

  public LlmJob {
    if (jobId == null || jobId.isBlank()) {
      throw new IllegalArgumentException("job_id is required");
    }
    if (!MONITORING_RUN.equals(kind) && !BENCHMARK.equals(kind)) {
      throw new IllegalArgumentException("kind must be monitoring_run or benchmark, was " + kind);
    }
    if (runId == null || runId.isBlank() || requestedAt == null) {
      throw new IllegalArgumentException("run_id and requested_at are required");
    }
    modelIds = modelIds == null ? List.of() : List.copyOf(modelIds);
  }

  public static LlmJob monitoringRun(String jobId, String runId, Instant requestedAt) {
    return new LlmJob(jobId, MONITORING_RUN, runId, requestedAt, List.of(), null, 0, 0, 0, 0);
  }
}
