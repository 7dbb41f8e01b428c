package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;

import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmProbeReading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * LLM monitoring as rows: every probe in {@code llm_probe_results} (idempotent on {@code
 * (reading_id, ts)}, status judged from the reading as the processor judges it), and the current
 * {@code llm_model_status} of each model, where the newest {@code last_checked_at} wins. The
 * history's retention is {@link LlmProbeRetention}'s.
 */
final class LlmProbeWriter {

  private static final String INSERT_PROBE =
      """
      INSERT INTO llm_probe_results (ts, reading_id, model_id, provider_id, provider_type,
          model_name, display_name, run_id, status, latency_ms, ttft_ms, ttfo_ms, tpot_ms, tps,
          output_tokens, input_tokens, reasoning_tokens, token_source, error, collector_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (reading_id, ts) DO NOTHING
      """;

  private static final String UPSERT_STATUS =
      """
      INSERT INTO llm_model_status (model_id, model_name, display_name, provider_id,
          provider_type, status, since, last_checked_at, consecutive_failures, ttft_ms,
          latency_ms, last_error, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (model_id) DO UPDATE SET
          model_name = excluded.model_name,
          display_name = excluded.display_name,
          provider_id = excluded.provider_id,
          provider_type = excluded.provider_type,
          status = excluded.status,
          since = excluded.since,
          last_checked_at = excluded.last_checked_at,
          consecutive_failures = excluded.consecutive_failures,
          ttft_ms = excluded.ttft_ms,
          latency_ms = excluded.latency_ms,
          last_error = excluded.last_error,
          updated_at = now()
      WHERE excluded.last_checked_at >= llm_model_status.last_checked_at
      """;

  private static final String DELETE_OLDER_THAN = "DELETE FROM llm_probe_results WHERE ts < ?";

  private LlmProbeWriter() {}

  static int insertProbes(Connection connection, List<LlmProbeReading> probes) throws SQLException {
    return JdbcBatch.execute(connection, INSERT_PROBE, probes, LlmProbeWriter::bind);
  }

  /** One row per model, the newest (see {@link NewestPerKey}). */
  static int upsertStatuses(Connection connection, List<LlmModelStatus> statuses)
      throws SQLException {
    return JdbcBatch.execute(
        connection,
        UPSERT_STATUS,
        NewestPerKey.of(statuses, LlmModelStatus::modelId, LlmModelStatus::lastCheckedAt),
        LlmProbeWriter::bind);
  }

  /** Deletes the probes older than {@code cutoff}; returns how many. */
  static int deleteOlderThan(Connection connection, Instant cutoff) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(DELETE_OLDER_THAN)) {
      delete.setObject(1, timestamp(cutoff), Types.TIMESTAMP_WITH_TIMEZONE);
      return delete.executeUpdate();
    }
  }

  static UUID uuid(String value) {
    return value == null ? null : UUID.fromString(value);
  }

  private static void bind(PreparedStatement insert, LlmProbeReading r) throws SQLException {
    insert.setObject(1, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setString(2, text(r.readingId()));
    insert.setObject(3, uuid(r.modelId()));
    insert.setObject(4, uuid(r.providerId()), Types.OTHER);
    insert.setString(5, text(r.providerType()));
    insert.setString(6, text(r.modelName()));
    insert.setString(7, text(r.displayName()));
    insert.setString(8, text(r.runId()));
    insert.setString(9, r.status().wireName());
    insert.setObject(10, r.latencyMs(), Types.DOUBLE);
    insert.setObject(11, r.ttftMs(), Types.DOUBLE);
    insert.setObject(12, r.ttfoMs(), Types.DOUBLE);
    insert.setObject(13, r.tpotMs(), Types.DOUBLE);
    insert.setObject(14, r.tps(), Types.DOUBLE);
    insert.setObject(15, r.outputTokens(), Types.INTEGER);
    insert.setObject(16, r.inputTokens(), Types.INTEGER);
    insert.setObject(17, r.reasoningTokens(), Types.INTEGER);
    insert.setString(18, text(r.tokenSource()));
    insert.setString(19, text(r.error()));
    insert.setString(20, text(r.collectorId()));
  }

  private static void bind(PreparedStatement upsert, LlmModelStatus s) throws SQLException {
    upsert.setObject(1, uuid(s.modelId()));
    upsert.setString(2, text(s.modelName()));
    upsert.setString(3, text(s.displayName()));
    upsert.setObject(4, uuid(s.providerId()), Types.OTHER);
    upsert.setString(5, text(s.providerType()));
    upsert.setString(6, s.status().wireName());
    upsert.setObject(7, timestamp(s.since()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setObject(8, timestamp(s.lastCheckedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setInt(9, s.consecutiveFailures());
    upsert.setObject(10, s.ttftMs(), Types.DOUBLE);
    upsert.setObject(11, s.latencyMs(), Types.DOUBLE);
    upsert.setString(12, text(s.lastError()));
  }
}
