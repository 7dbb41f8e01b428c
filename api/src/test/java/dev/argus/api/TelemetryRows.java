package dev.argus.api;

import dev.argus.contract.testing.EmbeddedDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes rows into the V1 tables with plain SQL, as the processor's sink would, so the api under
 * test reads what it reads in production.
 */
public final class TelemetryRows {

  private final JdbcClient sql;

  public TelemetryRows(String jdbcUrl) {
    this.sql = JdbcClient.create(EmbeddedDatabase.dataSource(jdbcUrl));
  }

  /** Empties every table and restarts the id sequences, so each test sees only its own rows. */
  public void clear() {
    sql.sql(
            "TRUNCATE devices, power_snapshots, power_events, collector_status, energy_totals,"
                + " energy_daily, api_keys, rate_limit_hits RESTART IDENTITY")
        .update();
    // Management state of the power API: settings, queued config records, manual polls.
    sql.sql("TRUNCATE runtime_config, config_outbox, poll_triggers").update();
    // LLM monitoring: provider accounts (their secrets are under the test key of their context),
    // models, runs and the probe history.
    sql.sql("TRUNCATE llm_providers, llm_models, llm_monitoring_runs, llm_probe_results CASCADE")
        .update();
    // Cameras: their passwords are under the test key of their context too.
    sql.sql("TRUNCATE cameras, protect_controllers, protect_controller_status").update();
  }

  /** A successful UPS poll with typical values; returns its generated id. */
  public long snapshot(String deviceId, String timestamp, double powerWatts) {
    return sql.sql(
            """
            INSERT INTO power_snapshots (ts, device_id, device_type, collector_id, power_watts,
                load_percent, voltage, battery_percent, runtime_seconds, ups_status)
            VALUES (CAST(:ts AS timestamptz), :deviceId, 'ups', 'collector-1', :power, 40.0, 230.0,
                100.0, 1800.0, 'OL')
            RETURNING id
            """)
        .param("ts", timestamp)
        .param("deviceId", deviceId)
        .param("power", powerWatts)
        .query(Long.class)
        .single();
  }

  /** A failed poll: kept in the table for diagnostics, never served as a snapshot. */
  public void failedPoll(String deviceId, String timestamp) {
    sql.sql(
            """
            INSERT INTO power_snapshots (ts, device_id, collector_id, error)
            VALUES (CAST(:ts AS timestamptz), :deviceId, 'collector-1', 'connection refused')
            """)
        .param("ts", timestamp)
        .param("deviceId", deviceId)
        .update();
  }

  /** A derived event; returns its generated id. */
  public long event(
      String deviceId, String eventType, String severity, String timestamp, String metadataJson) {
    return sql.sql(
            """
            INSERT INTO power_events (event_id, ts, device_id, event_type, severity, metadata)
            VALUES (:eventId, CAST(:ts AS timestamptz), :deviceId, :type, :severity, CAST(:metadata AS jsonb))
            RETURNING id
            """)
        .param("eventId", UUID.randomUUID())
        .param("ts", timestamp)
        .param("deviceId", deviceId)
        .param("type", eventType)
        .param("severity", severity)
        .param("metadata", metadataJson)
        .query(Long.class)
        .single();
  }

  /** A device with only the required columns; the rest take their defaults or stay null. */
  public void device(String id, String name) {
    sql.sql("INSERT INTO devices (id, name) VALUES (:id, :name)")
        .param("id", id)
        .param("name", name)
        .update();
  }

  /** A collector heartbeat as the sink upserts it from argus.collector.status. */
  public void heartbeat(String collectorId, Instant lastHeartbeat, boolean schedulerRunning) {
    sql.sql(
            """
            INSERT INTO collector_status (collector_id, last_heartbeat, started_at,
                scheduler_running, devices_configured, last_cycle_started_at,
                last_cycle_duration_ms, last_cycle_devices_polled, last_cycle_errors)
            VALUES (:id, :heartbeat, :heartbeat, :running, 1, :heartbeat, 120, 1, 0)
            """)
        .param("id", collectorId)
        .param("heartbeat", OffsetDateTime.ofInstant(lastHeartbeat, ZoneOffset.UTC))
        .param("running", schedulerRunning)
        .update();
  }

  /**
   * A collector heartbeat with the v2 fields, as the sink upserts it: {@code pollInProgress}, the
   * last cycle's start and end ({@code null} before the first cycle) and the last trigger.
   */
  public void heartbeat(
      String collectorId,
      Instant lastHeartbeat,
      boolean pollInProgress,
      Instant cycleStartedAt,
      Instant cycleCompletedAt,
      String lastTriggerId) {
    sql.sql(
            """
            INSERT INTO collector_status (collector_id, last_heartbeat, started_at,
                scheduler_running, devices_configured, last_cycle_started_at,
                last_cycle_duration_ms, last_cycle_devices_polled, last_cycle_errors,
                scheduler_paused, poll_in_progress, last_cycle_completed_at, last_trigger_id,
                targets_configured)
            VALUES (:id, :heartbeat, :heartbeat, true, 3, :cycleStarted, 250, 3, 1, false,
                :polling, :cycleCompleted, :triggerId, 2)
            ON CONFLICT (collector_id) DO UPDATE SET last_heartbeat = excluded.last_heartbeat,
                last_cycle_started_at = excluded.last_cycle_started_at,
                poll_in_progress = excluded.poll_in_progress,
                last_cycle_completed_at = excluded.last_cycle_completed_at,
                last_trigger_id = excluded.last_trigger_id
            """)
        .param("id", collectorId)
        .param("heartbeat", utc(lastHeartbeat))
        .param("polling", pollInProgress)
        .param("cycleStarted", utc(cycleStartedAt))
        .param("cycleCompleted", utc(cycleCompletedAt))
        .param("triggerId", lastTriggerId)
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Any other statement a test needs, e.g. a fully specified row. */
  public long count(String query) {
    return sql.sql(query).query(Long.class).single();
  }

  /** A single text value, e.g. an id the api generated. */
  public String text(String query) {
    return sql.sql(query).query(String.class).single();
  }

  public void execute(String statement) {
    sql.sql(statement).update();
  }
}
