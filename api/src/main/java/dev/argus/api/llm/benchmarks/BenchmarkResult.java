package dev.argus.api.llm.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.jdbc.Columns;
import dev.argus.contract.llm.LlmProbeReading;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * One measured request of a benchmark run ({@code llm_benchmark_results}, or live from a {@code
 * result} event): its timings in milliseconds, tokens per second of decoding, token counts and
 * where they came from ({@code usage} or {@code chunks}).
 */
record BenchmarkResult(
    String id,
    @JsonProperty("run_id") String runId,
    @JsonProperty("model_id") String modelId,
    @JsonProperty("model_name") @Schema(nullable = true) String modelName,
    @JsonProperty("provider_type") @Schema(nullable = true) String providerType,
    @Schema(nullable = true) Integer iteration,
    boolean success,
    @Schema(nullable = true) String error,
    @JsonProperty("latency_ms") @Schema(nullable = true) Double latencyMs,
    @JsonProperty("ttft_ms") @Schema(nullable = true) Double ttftMs,
    @JsonProperty("ttfo_ms") @Schema(nullable = true) Double ttfoMs,
    @JsonProperty("tpot_ms") @Schema(nullable = true) Double tpotMs,
    @Schema(nullable = true) Double tps,
    @JsonProperty("output_tokens") @Schema(nullable = true) Integer outputTokens,
    @JsonProperty("input_tokens") @Schema(nullable = true) Integer inputTokens,
    @JsonProperty("reasoning_tokens") @Schema(nullable = true) Integer reasoningTokens,
    @JsonProperty("token_source") @Schema(nullable = true) String tokenSource,
    @JsonProperty("created_at") Instant createdAt) {

  /** The columns, in order, of a CSV export. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "run_id",
          "model_id",
          "model_name",
          "provider_type",
          "iteration",
          "success",
          "error",
          "latency_ms",
          "ttft_ms",
          "ttfo_ms",
          "tpot_ms",
          "tps",
          "output_tokens",
          "input_tokens",
          "reasoning_tokens",
          "token_source",
          "created_at");

  static final String SELECT =
      "SELECT reading_id, run_id, model_id, model_name, provider_type, iteration, success, error,"
          + " latency_ms, ttft_ms, ttfo_ms, tpot_ms, tps, output_tokens, input_tokens,"
          + " reasoning_tokens, token_source, ts FROM llm_benchmark_results";

  static BenchmarkResult of(ResultSet rs) throws SQLException {
    return new BenchmarkResult(
        rs.getString("reading_id"),
        rs.getString("run_id"),
        rs.getString("model_id"),
        rs.getString("model_name"),
        rs.getString("provider_type"),
        Columns.nullableInteger(rs, "iteration"),
        rs.getBoolean("success"),
        rs.getString("error"),
        Columns.nullableDouble(rs, "latency_ms"),
        Columns.nullableDouble(rs, "ttft_ms"),
        Columns.nullableDouble(rs, "ttfo_ms"),
        Columns.nullableDouble(rs, "tpot_ms"),
        Columns.nullableDouble(rs, "tps"),
        Columns.nullableInteger(rs, "output_tokens"),
        Columns.nullableInteger(rs, "input_tokens"),
        Columns.nullableInteger(rs, "reasoning_tokens"),
        rs.getString("token_source"),
        Columns.instant(rs, "ts"));
  }

  /** A result as the collector published it, before the processor stored it. */
  static BenchmarkResult of(String runId, LlmProbeReading reading) {
    return new BenchmarkResult(
        reading.readingId(),
        runId,
        reading.modelId(),
        reading.modelName(),
        reading.providerType(),
        reading.iteration(),
        reading.success(),
        reading.error(),
        reading.latencyMs(),
        reading.ttftMs(),
        reading.ttfoMs(),
        reading.tpotMs(),
        reading.tps(),
        reading.outputTokens(),
        reading.inputTokens(),
        reading.reasoningTokens(),
        reading.tokenSource(),
        reading.timestamp());
  }

  /** The values of {@link #COLUMNS}, as text (empty for null). */
  List<String> csvValues() {
    return java.util.Arrays.asList(
        id,
        runId,
        modelId,
        text(modelName),
        text(providerType),
        text(iteration),
        Boolean.toString(success),
        text(error),
        text(latencyMs),
        text(ttftMs),
        text(ttfoMs),
        text(tpotMs),
        text(tps),
        text(outputTokens),
        text(inputTokens),
        text(reasoningTokens),
        text(tokenSource),
        text(createdAt));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
