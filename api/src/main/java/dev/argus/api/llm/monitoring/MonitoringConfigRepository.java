package dev.argus.api.llm.monitoring;

import dev.argus.api.system.jdbc.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of {@code llm_monitoring_config} (created by the migration) and the run log. */
@Repository
class MonitoringConfigRepository {

  private static final String SELECT =
      """
      SELECT enabled, interval_minutes, prompt_pack, ttft_threshold_ms, latency_threshold_ms,
          probe_max_tokens, probe_timeout_seconds, concurrency_per_provider, last_run_at,
          updated_at
      FROM llm_monitoring_config WHERE id = 1
      """;

  private final JdbcClient jdbc;

  MonitoringConfigRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  MonitoringSettings load() {
    return jdbc.sql(SELECT).query(MonitoringConfigRepository::settings).single();
  }

  /** The settings, the row locked until the transaction ends. */
  MonitoringSettings lock() {
    return jdbc.sql(SELECT + " FOR UPDATE").query(MonitoringConfigRepository::settings).single();
  }

  void update(MonitoringSettingsRequest settings) {
    jdbc.sql(
            """
            UPDATE llm_monitoring_config SET enabled = :enabled, interval_minutes = :interval,
                prompt_pack = :pack, ttft_threshold_ms = :ttft, latency_threshold_ms = :latency,
                probe_max_tokens = :tokens, probe_timeout_seconds = :timeout,
                concurrency_per_provider = :concurrency, updated_at = now()
            WHERE id = 1
            """)
        .param("enabled", settings.enabled())
        .param("interval", settings.intervalMinutes())
        .param("pack", settings.promptPack())
        .param("ttft", settings.ttftThresholdMs())
        .param("latency", settings.latencyThresholdMs())
        .param("tokens", settings.probeMaxTokens())
        .param("timeout", settings.probeTimeoutSeconds())
        .param("concurrency", settings.concurrencyPerProvider())
        .update();
  }

  /**
   * Whether a scheduled run is due: monitoring is enabled and no run was queued within the
   * interval. Locks the row, so that of two callers at the same moment (two replicas) the second
   * sees the first one's {@code last_run_at}.
   */
  boolean lockIfDue() {
    return jdbc.sql(
            """
            SELECT enabled AND (last_run_at IS NULL
                OR last_run_at + make_interval(mins => interval_minutes) <= now())
            FROM llm_monitoring_config WHERE id = 1 FOR UPDATE
            """)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Logs a queued run and makes it the last one. */
  void recordRun(String runId, String trigger) {
    jdbc.sql("INSERT INTO llm_monitoring_runs (run_id, trigger) VALUES (:runId, :trigger)")
        .param("runId", runId)
        .param("trigger", trigger)
        .update();
    jdbc.sql("UPDATE llm_monitoring_config SET last_run_at = now() WHERE id = 1").update();
  }

  /** The models a run would probe now: enabled for monitoring, of an enabled provider. */
  long monitoredModels() {
    return jdbc.sql(
            """
            SELECT count(*) FROM llm_models m JOIN llm_providers p ON p.id = m.provider_id
            WHERE m.enabled_for_monitoring AND p.enabled
            """)
        .query(Long.class)
        .single();
  }

  private static MonitoringSettings settings(ResultSet rs, int row) throws SQLException {
    return new MonitoringSettings(
        rs.getBoolean("enabled"),
        rs.getInt("interval_minutes"),
        rs.getString("prompt_pack"),
        rs.getInt("ttft_threshold_ms"),
        rs.getInt("latency_threshold_ms"),
        rs.getInt("probe_max_tokens"),
        rs.getInt("probe_timeout_seconds"),
        rs.getInt("concurrency_per_provider"),
        Columns.instant(rs, "last_run_at"),
        Columns.instant(rs, "updated_at"));
  }
}
