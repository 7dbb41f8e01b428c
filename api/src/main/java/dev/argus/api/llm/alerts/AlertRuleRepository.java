package dev.argus.api.llm.alerts;

import dev.argus.api.system.jdbc.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** {@code llm_alert_rules}, and whether a model a rule names exists in {@code llm_models}. */
@Repository
class AlertRuleRepository {

  private static final String SELECT =
      "SELECT id, name, rule_type, target_model_id, target_model_name, enabled, notify_in_app,"
          + " threshold_config::text AS threshold_config, camera_ids, detection_types, created_at,"
          + " updated_at"
          + " FROM llm_alert_rules";

  private final JdbcClient sql;
  private final JsonMapper json;

  AlertRuleRepository(JdbcClient sql, JsonMapper json) {
    this.sql = sql;
    this.json = json;
  }

  List<AlertRule> all() {
    return sql.sql(SELECT + " ORDER BY created_at, id").query((rs, n) -> rule(rs)).list();
  }

  Optional<AlertRule> find(UUID id) {
    return sql.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> rule(rs)).optional();
  }

  /** The rule, locked until the transaction ends, so changes of one rule queue in commit order. */
  Optional<AlertRule> lock(UUID id) {
    return sql.sql(SELECT + " WHERE id = ? FOR UPDATE")
        .param(id)
        .query((rs, n) -> rule(rs))
        .optional();
  }

  void insert(UUID id, AlertRuleRequest rule) {
    sql.sql(
            """
            INSERT INTO llm_alert_rules (id, name, rule_type, target_model_id, target_model_name,
                enabled, notify_in_app, threshold_config, camera_ids, detection_types)
            VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
            """)
        .params(
            id,
            rule.name(),
            rule.ruleType(),
            rule.targetModelId(),
            rule.targetModelName(),
            rule.enabled(),
            rule.notifyInApp(),
            threshold(rule),
            rule.cameraIds().toArray(UUID[]::new),
            rule.detectionTypes().toArray(String[]::new))
        .update();
  }

  void update(UUID id, AlertRuleRequest rule) {
    sql.sql(
            """
            UPDATE llm_alert_rules SET name = ?, rule_type = ?, target_model_id = ?,
                target_model_name = ?, enabled = ?, notify_in_app = ?,
                threshold_config = CAST(? AS jsonb), camera_ids = ?, detection_types = ?,
                updated_at = now()
            WHERE id = ?
            """)
        .params(
            rule.name(),
            rule.ruleType(),
            rule.targetModelId(),
            rule.targetModelName(),
            rule.enabled(),
            rule.notifyInApp(),
            threshold(rule),
            rule.cameraIds().toArray(UUID[]::new),
            rule.detectionTypes().toArray(String[]::new),
            id)
        .update();
  }

  boolean delete(UUID id) {
    return sql.sql("DELETE FROM llm_alert_rules WHERE id = ?").param(id).update() > 0;
  }

  boolean modelExists(UUID id) {
    return sql.sql("SELECT count(*) FROM llm_models WHERE id = ?")
            .param(id)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The given cameras that are not in {@code cameras}, in the given order. */
  List<UUID> missingCameras(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<UUID> existing =
        sql.sql("SELECT id FROM cameras WHERE id = ANY(?)")
            .param(ids.toArray(UUID[]::new))
            .query(UUID.class)
            .list();
    return ids.stream().filter(id -> !existing.contains(id)).toList();
  }

  private String threshold(AlertRuleRequest rule) {
    AlertRuleRequest.Threshold given = rule.thresholdConfig();
    return given == null
        ? null
        : json.writeValueAsString(
            new AlertRule.Threshold(
                given.metric(),
                given.statistic(),
                given.threshold(),
                given.windowMinutes(),
                given.minSamples()));
  }

  private AlertRule rule(ResultSet rs) throws SQLException {
    String threshold = rs.getString("threshold_config");
    return new AlertRule(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("rule_type"),
        rs.getString("target_model_id"),
        rs.getString("target_model_name"),
        rs.getBoolean("enabled"),
        rs.getBoolean("notify_in_app"),
        threshold == null ? null : json.readValue(threshold, AlertRule.Threshold.class),
        List.of((UUID[]) rs.getArray("camera_ids").getArray()),
        List.of((String[]) rs.getArray("detection_types").getArray()),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "updated_at"));
  }
}
