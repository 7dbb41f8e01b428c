package dev.argus.api.system.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the processor stored of the collectors', camera workers' and its own activity. */
@Repository
class HealthRepository {

  /** The processor's tables and the column that says when a row was written (or happened). */
  private static final String NEWEST_WRITE =
      "SELECT t, at FROM (VALUES"
          + " ('collector_status', (SELECT max(last_heartbeat) FROM collector_status)),"
          + " ('power_snapshots', (SELECT max(ts) FROM power_snapshots)),"
          + " ('probe_results', (SELECT max(ts) FROM probe_results)),"
          + " ('llm_probe_results', (SELECT max(ts) FROM llm_probe_results)),"
          + " ('energy_totals', (SELECT max(updated_at) FROM energy_totals)),"
          + " ('camera_status', (SELECT max(updated_at) FROM camera_status)),"
          + " ('camera_events', (SELECT max(created_at) FROM camera_events))"
          + ") AS w (t, at) WHERE at IS NOT NULL ORDER BY at DESC LIMIT 1";

  private final JdbcTemplate jdbc;

  HealthRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void ping() {
    jdbc.queryForObject("SELECT 1", Integer.class);
  }

  record Heartbeat(String collectorId, Instant lastHeartbeat, boolean schedulerRunning) {}

  List<Heartbeat> heartbeats() {
    return jdbc.query(
        "SELECT collector_id, last_heartbeat, scheduler_running FROM collector_status"
            + " ORDER BY collector_id",
        (rs, n) ->
            new Heartbeat(
                rs.getString("collector_id"),
                rs.getTimestamp("last_heartbeat").toInstant(),
                rs.getBoolean("scheduler_running")));
  }

  record WorkerStatus(
      String cameraId,
      String cameraName,
      String collectorId,
      String state,
      String reason,
      Double fps,
      Instant updatedAt) {}

  List<WorkerStatus> cameraStatuses() {
    return jdbc.query(
        "SELECT camera_id::text AS camera_id, camera_name, collector_id, state, reason, fps,"
            + " updated_at FROM camera_status ORDER BY camera_name NULLS LAST, camera_id",
        (rs, n) ->
            new WorkerStatus(
                rs.getString("camera_id"),
                rs.getString("camera_name"),
                rs.getString("collector_id"),
                rs.getString("state"),
                rs.getString("reason"),
                rs.getObject("fps", Double.class),
                rs.getTimestamp("updated_at").toInstant()));
  }

  /**
   * A model of the AI chain with its provider; {@code model} and the provider fields are null when
   * the model was deleted since the chain was saved.
   */
  record ChainModel(
      UUID modelId,
      String model,
      UUID providerId,
      String provider,
      String providerType,
      boolean enabled) {}

  List<ChainModel> aiChain() {
    return jdbc.query(
        "SELECT c.model_id, m.model_id AS model, p.id AS provider_id, p.display_name,"
            + " p.provider_type, coalesce(p.enabled, false) AS enabled FROM camera_settings s,"
            + " unnest(s.ai_chain) WITH ORDINALITY AS c (model_id, position) LEFT JOIN llm_models m"
            + " ON m.id = c.model_id LEFT JOIN llm_providers p ON p.id = m.provider_id WHERE s.id ="
            + " 1 ORDER BY c.position",
        (rs, n) ->
            new ChainModel(
                rs.getObject("model_id", UUID.class),
                rs.getString("model"),
                rs.getObject("provider_id", UUID.class),
                rs.getString("display_name"),
                rs.getString("provider_type"),
                rs.getBoolean("enabled")));
  }

  record NewestWrite(String table, Instant at) {}

  Optional<NewestWrite> newestProcessorWrite() {
    return jdbc
        .query(
            NEWEST_WRITE,
            (rs, n) -> new NewestWrite(rs.getString("t"), rs.getTimestamp("at").toInstant()))
        .stream()
        .findFirst();
  }
}
