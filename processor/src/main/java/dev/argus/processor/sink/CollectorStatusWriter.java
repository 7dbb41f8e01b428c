package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;

import dev.argus.contract.collector.CollectorHeartbeat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Collector heartbeats as the {@code collector_status} of each collector; the newest wins. */
final class CollectorStatusWriter {

  private static final String UPSERT_COLLECTOR_STATUS =
      """
      INSERT INTO collector_status (collector_id, last_heartbeat, started_at, scheduler_running,
          devices_configured, last_cycle_started_at, last_cycle_duration_ms,
          last_cycle_devices_polled, last_cycle_errors, scheduler_paused, poll_in_progress,
          last_cycle_completed_at, last_trigger_id, targets_configured)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (collector_id) DO UPDATE SET
          last_heartbeat = excluded.last_heartbeat,
          started_at = excluded.started_at,
          scheduler_running = excluded.scheduler_running,
          devices_configured = excluded.devices_configured,
          last_cycle_started_at = excluded.last_cycle_started_at,
          last_cycle_duration_ms = excluded.last_cycle_duration_ms,
          last_cycle_devices_polled = excluded.last_cycle_devices_polled,
          last_cycle_errors = excluded.last_cycle_errors,
          scheduler_paused = excluded.scheduler_paused,
          poll_in_progress = excluded.poll_in_progress,
          last_cycle_completed_at = excluded.last_cycle_completed_at,
          last_trigger_id = excluded.last_trigger_id,
          targets_configured = excluded.targets_configured
      WHERE collector_status.last_heartbeat <= excluded.last_heartbeat
      """;

  private CollectorStatusWriter() {}

  /** One row per collector, from its newest heartbeat (see {@link NewestPerKey}). */
  static int upsert(Connection connection, List<CollectorHeartbeat> heartbeats)
      throws SQLException {
    return JdbcBatch.execute(
        connection,
        UPSERT_COLLECTOR_STATUS,
        NewestPerKey.of(heartbeats, CollectorHeartbeat::collectorId, CollectorHeartbeat::timestamp),
        CollectorStatusWriter::bind);
  }

  private static void bind(PreparedStatement upsert, CollectorHeartbeat h) throws SQLException {
    upsert.setString(1, text(h.collectorId()));
    upsert.setObject(2, timestamp(h.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setObject(3, timestamp(h.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setBoolean(4, h.schedulerRunning());
    upsert.setInt(5, h.devicesConfigured());
    upsert.setObject(6, timestamp(h.lastCycleStartedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setLong(7, h.lastCycleDurationMillis());
    upsert.setInt(8, h.lastCycleDevicesPolled());
    upsert.setInt(9, h.lastCycleErrors());
    upsert.setBoolean(10, h.schedulerPaused());
    upsert.setBoolean(11, h.pollInProgress());
    upsert.setObject(12, timestamp(h.lastCycleCompletedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setString(13, text(h.lastTriggerId()));
    upsert.setInt(14, h.targetsConfigured());
  }
}
