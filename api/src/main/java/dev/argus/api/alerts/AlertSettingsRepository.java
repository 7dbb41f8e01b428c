package dev.argus.api.alerts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The single row of {@code alert_config}, secrets included; defaults while it is absent. */
@Repository
class AlertSettingsRepository {

  private final JdbcClient sql;
  private final JsonMapper json;

  AlertSettingsRepository(JdbcClient sql, JsonMapper json) {
    this.sql = sql;
    this.json = json;
  }

  AlertSettings load() {
    return sql.sql("SELECT config::text FROM alert_config WHERE id = 1")
        .query(String.class)
        .optional()
        .map(text -> json.readValue(text, AlertSettings.class))
        .orElseGet(AlertSettings::defaults);
  }

  void save(AlertSettings settings) {
    sql.sql(
            """
            INSERT INTO alert_config (id, config, updated_at) VALUES (1, CAST(? AS jsonb), now())
            ON CONFLICT (id) DO UPDATE SET config = EXCLUDED.config, updated_at = now()
            """)
        .param(json.writeValueAsString(settings))
        .update();
  }
}
