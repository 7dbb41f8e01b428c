package dev.argus.api.llm.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/benchmarks/{id}}: the run, its results so far (oldest first) and its
 * statistics (null until the processor derived the first).
 */
record BenchmarkDetail(
    String id,
    @Schema(nullable = true) String name,
    @Schema(allowableValues = {"pending", "running", "completed", "failed"}) String status,
    @JsonProperty("prompt_pack") String promptPack,
    @JsonProperty("model_ids") List<String> modelIds,
    @JsonProperty("max_tokens") int maxTokens,
    @JsonProperty("num_runs") int numRuns,
    int concurrency,
    @JsonProperty("warmup_runs") int warmupRuns,
    int completed,
    int total,
    @Schema(nullable = true) String error,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("started_at") @Schema(nullable = true) Instant startedAt,
    @JsonProperty("completed_at") @Schema(nullable = true) Instant completedAt,
    List<BenchmarkResult> results,
    @Schema(nullable = true) BenchmarkStatisticsView statistics) {

  static BenchmarkDetail of(
      BenchmarkRun run, List<BenchmarkResult> results, BenchmarkStatisticsView statistics) {
    return new BenchmarkDetail(
        run.id(),
        run.name(),
        run.status(),
        run.promptPack(),
        run.modelIds(),
        run.maxTokens(),
        run.numRuns(),
        run.concurrency(),
        run.warmupRuns(),
        run.completed(),
        run.total(),
        run.error(),
        run.createdAt(),
        run.startedAt(),
        run.completedAt(),
        results,
        statistics);
  }
}
