package dev.argus.api.system.settings;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The one row of {@code camera_settings} (V8 inserts it). */
@Repository
public class SystemSettingsRepository {

  private static final String COLUMNS =
      "event_retention_days, daily_cost_cap_usd, monthly_cost_cap_usd,"
          + " default_motion_sensitivity, default_motion_cooldown_seconds, default_analysis_mode,"
          + " default_frame_count, ai_chain, ai_timeout_seconds, ai_max_retries,"
          + " description_prompt, updated_at";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  SystemSettingsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** The settings now in force. */
  public SystemSettings current() {
    return jdbc.queryForObject(
        "SELECT " + COLUMNS + " FROM camera_settings WHERE id = 1", (rs, n) -> map(rs));
  }

  /**
   * Sets the given columns (already validated; names from {@link SettingsUpdate}) and returns the
   * settings now in force.
   */
  SystemSettings update(Map<String, Object> columns) {
    if (columns.isEmpty()) {
      return current();
    }
    var parameters = new MapSqlParameterSource();
    List<String> assignments = new ArrayList<>();
    new LinkedHashMap<>(columns)
        .forEach(
            (column, value) -> {
              if ("ai_chain".equals(column)) {
                assignments.add("ai_chain = CAST(:ai_chain AS uuid[])");
                parameters.addValue(column, chainLiteral((List<?>) value));
              } else {
                assignments.add(column + " = :" + column);
                parameters.addValue(column, value);
              }
            });
    return named.queryForObject(
        "UPDATE camera_settings SET "
            + String.join(", ", assignments)
            + ", updated_at = now() WHERE id = 1 RETURNING "
            + COLUMNS,
        parameters,
        (rs, n) -> map(rs));
  }

  /** The ids of the given models that exist, with their provider's type. */
  Map<UUID, String> providerTypesOf(List<UUID> models) {
    Map<UUID, String> types = new LinkedHashMap<>();
    if (models.isEmpty()) {
      return types;
    }
    named.query(
        "SELECT m.id, p.provider_type FROM llm_models m JOIN llm_providers p ON p.id ="
            + " m.provider_id WHERE m.id IN (:ids)",
        Map.of("ids", models),
        rs -> {
          types.put(rs.getObject("id", UUID.class), rs.getString("provider_type"));
        });
    return types;
  }

  private static String chainLiteral(List<?> chain) {
    return "{" + String.join(",", chain.stream().map(Object::toString).toList()) + "}";
  }

  private static SystemSettings map(ResultSet rs) throws SQLException {
    Timestamp updated = rs.getTimestamp("updated_at");
    return new SystemSettings(
        rs.getInt("event_retention_days"),
        plain(rs.getBigDecimal("daily_cost_cap_usd")),
        plain(rs.getBigDecimal("monthly_cost_cap_usd")),
        rs.getString("default_motion_sensitivity"),
        rs.getInt("default_motion_cooldown_seconds"),
        rs.getString("default_analysis_mode"),
        rs.getInt("default_frame_count"),
        uuids(rs.getArray("ai_chain")),
        rs.getInt("ai_timeout_seconds"),
        rs.getInt("ai_max_retries"),
        rs.getString("description_prompt"),
        updated.toInstant());
  }

  /** numeric(12,4) reads back as 5.0000; the caller sent 5. */
  private static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static List<UUID> uuids(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    return Arrays.stream(values)
        .map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString()))
        .toList();
  }
}
