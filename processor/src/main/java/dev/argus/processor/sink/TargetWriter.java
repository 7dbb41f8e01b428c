package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;

import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Uptime targets as rows: every probe result in {@code probe_results}, and the current {@code
 * target_status} of each target, where the newest {@code last_checked_at} wins.
 */
final class TargetWriter {

  private static final String INSERT_PROBE_RESULT =
      """
      INSERT INTO probe_results (ts, target_id, up, response_time_ms, status_code, error,
          collector_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (target_id, ts) DO NOTHING
      """;

  // Newest last_checked_at wins, so a replay of older statuses changes nothing and the table
  // converges on the compacted topic's latest value whatever the order of batches.
  private static final String UPSERT_TARGET_STATUS =
      """
      INSERT INTO target_status (target_id, status, consecutive_failures, failure_threshold,
          alerting, streak_started_at, last_checked_at, last_response_ms, last_status_code,
          last_error, cert_expires_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (target_id) DO UPDATE SET
          status = excluded.status,
          consecutive_failures = excluded.consecutive_failures,
          failure_threshold = excluded.failure_threshold,
          alerting = excluded.alerting,
          streak_started_at = excluded.streak_started_at,
          last_checked_at = excluded.last_checked_at,
          last_response_ms = excluded.last_response_ms,
          last_status_code = excluded.last_status_code,
          last_error = excluded.last_error,
          cert_expires_at = excluded.cert_expires_at,
          updated_at = now()
      WHERE excluded.last_checked_at >= target_status.last_checked_at
      """;

  private TargetWriter() {}

  static int insertProbeResults(Connection connection, List<ProbeResult> results)
      throws SQLException {
    return JdbcBatch.execute(connection, INSERT_PROBE_RESULT, results, TargetWriter::bind);
  }

  /** One row per target, the newest (see {@link NewestPerKey}). */
  static int upsertTargetStatus(Connection connection, List<TargetStatus> statuses)
      throws SQLException {
    return JdbcBatch.execute(
        connection,
        UPSERT_TARGET_STATUS,
        NewestPerKey.of(statuses, TargetStatus::targetId, TargetStatus::lastCheckedAt),
        TargetWriter::bind);
  }

  private static void bind(PreparedStatement insert, ProbeResult r) throws SQLException {
    insert.setObject(1, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setLong(2, r.targetId());
    insert.setBoolean(3, r.up());
    insert.setObject(4, r.responseTimeMillis(), Types.DOUBLE);
    insert.setObject(5, r.statusCode(), Types.INTEGER);
    insert.setString(6, text(r.error()));
    insert.setString(7, text(r.collectorId()));
  }

  private static void bind(PreparedStatement upsert, TargetStatus s) throws SQLException {
    upsert.setLong(1, s.targetId());
    upsert.setString(2, s.status());
    upsert.setInt(3, s.consecutiveFailures());
    upsert.setInt(4, s.failureThreshold());
    upsert.setBoolean(5, s.alerting());
    upsert.setObject(6, timestamp(s.streakStartedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setObject(7, timestamp(s.lastCheckedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setObject(8, s.lastResponseTimeMillis(), Types.DOUBLE);
    upsert.setObject(9, s.lastStatusCode(), Types.INTEGER);
    upsert.setString(10, text(s.lastError()));
    upsert.setObject(11, timestamp(s.certExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
