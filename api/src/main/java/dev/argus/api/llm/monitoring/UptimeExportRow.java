package dev.argus.api.llm.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.jdbc.Columns;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code GET /api/v1/monitoring/uptime/export}: every column of {@code
 * llm_probe_results}, in {@link #NAMES}' order (the CSV header).
 */
@Schema(name = "UptimeExportRow")
record UptimeExportRow(
    @JsonProperty("id") String id,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("model_id") UUID modelId,
    @Schema(nullable = true) @JsonProperty("model_name") String modelName,
    @Schema(nullable = true) @JsonProperty("display_name") String displayName,
    @Schema(nullable = true) @JsonProperty("provider_id") UUID providerId,
    @Schema(nullable = true) @JsonProperty("provider_type") String providerType,
    @Schema(nullable = true) @JsonProperty("run_id") String runId,
    @JsonProperty("status") String status,
    @Schema(nullable = true) @JsonProperty("latency_ms") Double latencyMs,
    @Schema(nullable = true) @JsonProperty("ttft_ms") Double ttftMs,
    @Schema(nullable = true) @JsonProperty("ttfo_ms") Double ttfoMs,
    @Schema(nullable = true) @JsonProperty("tpot_ms") Double tpotMs,
    @Schema(nullable = true) @JsonProperty("tps") Double tps,
    @Schema(nullable = true) @JsonProperty("output_tokens") Integer outputTokens,
    @Schema(nullable = true) @JsonProperty("input_tokens") Integer inputTokens,
    @Schema(nullable = true) @JsonProperty("reasoning_tokens") Integer reasoningTokens,
    @Schema(nullable = true) @JsonProperty("token_source") String tokenSource,
    @Schema(nullable = true) @JsonProperty("error") String error,
    @Schema(nullable = true) @JsonProperty("collector_id") String collectorId) {

  static final List<String> NAMES =
      List.of(
          "id",
          "created_at",
          "model_id",
          "model_name",
          "display_name",
          "provider_id",
          "provider_type",
          "run_id",
          "status",
          "latency_ms",
          "ttft_ms",
          "ttfo_ms",
          "tpot_ms",
          "tps",
          "output_tokens",
          "input_tokens",
          "reasoning_tokens",
          "token_source",
          "error",
          "collector_id");

  static final String COLUMNS =
      """
      reading_id, ts, model_id, model_name, display_name, provider_id, provider_type, run_id,
      status, latency_ms, ttft_ms, ttfo_ms, tpot_ms, tps, output_tokens, input_tokens,
      reasoning_tokens, token_source, error, collector_id
      """;

  static UptimeExportRow of(ResultSet rs) throws SQLException {
    return new UptimeExportRow(
        rs.getString("reading_id"),
        Columns.instant(rs, "ts"),
        rs.getObject("model_id", UUID.class),
        rs.getString("model_name"),
        rs.getString("display_name"),
        rs.getObject("provider_id", UUID.class),
        rs.getString("provider_type"),
        rs.getString("run_id"),
        rs.getString("status"),
        Columns.nullableDouble(rs, "latency_ms"),
        Columns.nullableDouble(rs, "ttft_ms"),
        Columns.nullableDouble(rs, "ttfo_ms"),
        Columns.nullableDouble(rs, "tpot_ms"),
        Columns.nullableDouble(rs, "tps"),
        Columns.nullableInteger(rs, "output_tokens"),
        Columns.nullableInteger(rs, "input_tokens"),
        Columns.nullableInteger(rs, "reasoning_tokens"),
        rs.getString("token_source"),
        rs.getString("error"),
        rs.getString("collector_id"));
  }

  /** The values in {@link #NAMES}' order, for the CSV writer. */
  List<Object> values() {
    return java.util.Arrays.asList(
        id,
        createdAt,
        modelId,
        modelName,
        displayName,
        providerId,
        providerType,
        runId,
        status,
        latencyMs,
        ttftMs,
        ttfoMs,
        tpotMs,
        tps,
        outputTokens,
        inputTokens,
        reasoningTokens,
        tokenSource,
        error,
        collectorId);
  }
}
