package dev.argus.api.llm.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.jdbc.Columns;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A benchmark run as requested ({@code llm_benchmark_runs}) with its lifecycle as the collector
 * reported it ({@code llm_benchmark_progress}): {@code pending} until the collector starts it, then
 * {@code running}, {@code completed} or {@code failed}.
 */
record BenchmarkRun(
    String id,
    @Schema(nullable = true) String name,
    @Schema(allowableValues = {"pending", "running", "completed", "failed"}) String status,
    @JsonProperty("prompt_pack") String promptPack,
    @JsonProperty("model_ids") List<String> modelIds,
    @JsonProperty("max_tokens") int maxTokens,
    @JsonProperty("num_runs") int numRuns,
    int concurrency,
    @JsonProperty("warmup_runs") int warmupRuns,
    @Schema(description = "Measured requests done so far, failed ones included") int completed,
    @Schema(description = "Measured requests the run makes: models × num_runs") int total,
    @Schema(nullable = true, description = "Why the run failed") String error,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("started_at") @Schema(nullable = true) Instant startedAt,
    @JsonProperty("completed_at") @Schema(nullable = true) Instant completedAt) {

  static final String PENDING = "pending";
  static final String RUNNING = "running";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";

  static final String SELECT =
      "SELECT r.id, r.name, r.prompt_pack, r.model_ids, r.max_tokens, r.num_runs, r.concurrency,"
          + " r.warmup_runs, r.created_at, coalesce(p.status, 'pending') AS status, p.completed,"
          + " p.total, p.started_at, p.completed_at, p.error"
          + " FROM llm_benchmark_runs r LEFT JOIN llm_benchmark_progress p ON p.run_id = r.id";

  static BenchmarkRun of(ResultSet rs) throws SQLException {
    List<String> models = models(rs.getArray("model_ids"));
    int numRuns = rs.getInt("num_runs");
    Integer total = Columns.nullableInteger(rs, "total");
    Integer completed = Columns.nullableInteger(rs, "completed");
    return new BenchmarkRun(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("status"),
        rs.getString("prompt_pack"),
        models,
        rs.getInt("max_tokens"),
        numRuns,
        rs.getInt("concurrency"),
        rs.getInt("warmup_runs"),
        completed != null ? completed : 0,
        total != null && total > 0 ? total : models.size() * numRuns,
        rs.getString("error"),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "started_at"),
        Columns.instant(rs, "completed_at"));
  }

  boolean finished() {
    return COMPLETED.equals(status) || FAILED.equals(status);
  }

  private static List<String> models(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList();
  }
}
