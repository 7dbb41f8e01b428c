package dev.argus.api.targets;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one query behind {@code GET /api/v1/alert-status}. */
@Repository
class AlertStatusRepository {

  /**
   * Enabled targets whose failures reached their <em>current</em> threshold (from {@code targets},
   * so lowering or raising it takes effect at once) and whose current run of failures is not
   * acknowledged. {@code target_status} holds one row per target and joins {@code targets} on its
   * primary key, so this stays small however long the probe history grows.
   */
  private static final String FAILING =
      """
      SELECT t.name, s.consecutive_failures, t.failure_threshold
      FROM target_status s JOIN targets t ON t.id = s.target_id
      WHERE t.enabled
        AND s.status = 'down'
        AND s.consecutive_failures >= t.failure_threshold
        AND (t.acknowledged_at IS NULL OR t.acknowledged_at < s.streak_started_at)
      ORDER BY s.consecutive_failures DESC, t.name, t.id
      """;

  private final JdbcClient jdbc;

  AlertStatusRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<AlertStatus.FailingTarget> failing() {
    return jdbc.sql(FAILING)
        .query(
            (rs, row) ->
                new AlertStatus.FailingTarget(
                    rs.getString("name"),
                    "down",
                    rs.getInt("consecutive_failures"),
                    rs.getInt("failure_threshold")))
        .list();
  }
}
