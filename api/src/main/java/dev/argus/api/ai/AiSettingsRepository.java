package dev.argus.api.ai;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the AI columns of {@code camera_settings}; the system settings endpoint writes them. */
@Repository
class AiSettingsRepository {

  private final JdbcClient jdbc;

  AiSettingsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  AiSettings read() {
    return jdbc.sql(
            """
            SELECT ai_chain, ai_timeout_seconds, ai_max_retries, description_prompt,
                daily_cost_cap_usd, monthly_cost_cap_usd
            FROM camera_settings WHERE id = 1
            """)
        .query(AiSettingsRepository::settings)
        .optional()
        // The migration inserts the row; without it the defaults of the table apply.
        .orElse(new AiSettings(List.of(), 30, 2, null, null, null));
  }

  private static AiSettings settings(ResultSet rs, int row) throws SQLException {
    return new AiSettings(
        uuids(rs.getArray("ai_chain")),
        rs.getInt("ai_timeout_seconds"),
        rs.getInt("ai_max_retries"),
        rs.getString("description_prompt"),
        rs.getBigDecimal("daily_cost_cap_usd"),
        rs.getBigDecimal("monthly_cost_cap_usd"));
  }

  private static List<UUID> uuids(Array array) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    if (array != null) {
      for (Object id : (Object[]) array.getArray()) {
        ids.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
      }
    }
    return ids;
  }
}
