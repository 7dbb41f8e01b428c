package dev.argus.api.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what {@code /metrics} shows of every domain, one small query each: the status tables hold
 * one row per target, model and camera (kept by the processor), the AI ledger is summed per
 * provider, and the outbox holds only the records not yet published.
 */
@Repository
class DomainReadings {

  /** A target's newest status; {@code responseSeconds} null when the probe had no answer. */
  record TargetSample(long id, String name, boolean up, Double responseSeconds) {}

  /**
   * A model's newest status ({@code up}, {@code degraded}, {@code down}) and time to first token.
   */
  record ModelSample(String id, String provider, String model, String status, Double ttftSeconds) {}

  /** A camera's newest state ({@code online}, {@code offline}, {@code error}). */
  record CameraSample(String id, String name, String state) {}

  private final JdbcClient jdbc;

  DomainReadings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<TargetSample> targets() {
    return jdbc.sql(
            """
            SELECT t.id, t.name, s.status = 'up' AS up, s.last_response_ms / 1000.0 AS seconds
            FROM target_status s JOIN targets t ON t.id = s.target_id
            ORDER BY t.id
            """)
        .query(
            (rs, row) ->
                new TargetSample(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getBoolean("up"),
                    rs.getObject("seconds", Double.class)))
        .list();
  }

  List<ModelSample> models() {
    return jdbc.sql(
            """
            SELECT s.model_id::text AS id,
                   COALESCE(p.display_name, s.provider_type, 'unknown') AS provider,
                   COALESCE(s.display_name, s.model_name, s.model_id::text) AS model,
                   s.status, s.ttft_ms / 1000.0 AS ttft_seconds
            FROM llm_model_status s LEFT JOIN llm_providers p ON p.id = s.provider_id
            ORDER BY s.model_id
            """)
        .query(
            (rs, row) ->
                new ModelSample(
                    rs.getString("id"),
                    rs.getString("provider"),
                    rs.getString("model"),
                    rs.getString("status"),
                    rs.getObject("ttft_seconds", Double.class)))
        .list();
  }

  /** Cameras that should be running: a stopped camera has no worker, so no state worth a series. */
  List<CameraSample> cameras() {
    return jdbc.sql(
            """
            SELECT s.camera_id::text AS id, COALESCE(c.name, s.camera_name, s.camera_id::text) AS name,
                   s.state
            FROM camera_status s LEFT JOIN cameras c ON c.id = s.camera_id
            WHERE s.state <> 'stopped'
            ORDER BY s.camera_id
            """)
        .query(
            (rs, row) ->
                new CameraSample(rs.getString("id"), rs.getString("name"), rs.getString("state")))
        .list();
  }

  /** What the AI calls have cost so far, in US dollars, per provider. */
  Map<String, Double> aiCostUsd() {
    Map<String, Double> costs = new TreeMap<>();
    jdbc.sql("SELECT provider, COALESCE(sum(cost_usd), 0) AS usd FROM ai_usage GROUP BY provider")
        .query(
            rs -> {
              costs.put(rs.getString("provider"), rs.getDouble("usd"));
            });
    return costs;
  }

  long outboxPending() {
    return jdbc.sql("SELECT count(*) FROM config_outbox").query(Long.class).single();
  }
}
