package dev.argus.api.llm.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.jdbc.Columns;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * One probe of one model, as the processor's sink stored it in {@code llm_probe_results}. Times are
 * milliseconds; {@code tps} is output tokens per second of decoding; {@code token_source} says
 * whether the counts are the provider's ({@code usage}) or counted chunks ({@code chunks}).
 */
@Schema(name = "UptimeItem")
record UptimeItem(
    @Schema(description = "The reading's id") @JsonProperty("id") String id,
    @JsonProperty("model_id") UUID modelId,
    @Schema(nullable = true, description = "The provider's model id") @JsonProperty("model_name")
        String modelName,
    @Schema(nullable = true) @JsonProperty("provider_type") String providerType,
    @Schema(description = "up, degraded or down") @JsonProperty("status") String status,
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
    @Schema(nullable = true) @JsonProperty("run_id") String runId,
    @JsonProperty("created_at") Instant createdAt) {

  static final String COLUMNS =
      """
      reading_id, model_id, model_name, provider_type, status, latency_ms, ttft_ms, ttfo_ms,
      tpot_ms, tps, output_tokens, input_tokens, reasoning_tokens, token_source, error, run_id, ts
      """;

  static UptimeItem of(ResultSet rs, int row) throws SQLException {
    return new UptimeItem(
        rs.getString("reading_id"),
        rs.getObject("model_id", UUID.class),
        rs.getString("model_name"),
        rs.getString("provider_type"),
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
        rs.getString("run_id"),
        Columns.instant(rs, "ts"));
  }
}
