package dev.argus.api.llm.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code llm_alerts}: read, and acknowledged (the only columns the api may write). */
@Repository
class LlmAlertRepository {

  private static final String FILTER =
      " WHERE (CAST(:ruleId AS uuid) IS NULL OR rule_id = CAST(:ruleId AS uuid))"
          + " AND (CAST(:acknowledged AS boolean) IS NULL OR acknowledged = :acknowledged)"
          + " AND (CAST(:since AS timestamptz) IS NULL OR opened_at >= :since)";

  private final JdbcClient sql;

  LlmAlertRepository(JdbcClient sql) {
    this.sql = sql;
  }

  /** Which alerts a list shows; null fields do not filter. */
  record Filter(UUID ruleId, Boolean acknowledged, Instant since) {}

  /** Alerts newest first. */
  List<LlmAlert> page(Filter filter, int limit, int offset) {
    return sql.sql(
            LlmAlert.SELECT + FILTER + " ORDER BY opened_at DESC, id LIMIT :limit OFFSET :offset")
        .param("ruleId", filter.ruleId())
        .param("acknowledged", filter.acknowledged())
        .param(
            "since",
            filter.since() == null
                ? null
                : OffsetDateTime.ofInstant(filter.since(), ZoneOffset.UTC))
        .param("limit", limit)
        .param("offset", offset)
        .query((rs, n) -> LlmAlert.of(rs))
        .list();
  }

  long count(Filter filter) {
    return sql.sql("SELECT count(*) FROM llm_alerts" + FILTER)
        .param("ruleId", filter.ruleId())
        .param("acknowledged", filter.acknowledged())
        .param(
            "since",
            filter.since() == null
                ? null
                : OffsetDateTime.ofInstant(filter.since(), ZoneOffset.UTC))
        .query(Long.class)
        .single();
  }

  long unacknowledged() {
    return sql.sql("SELECT count(*) FROM llm_alerts WHERE NOT acknowledged")
        .query(Long.class)
        .single();
  }

  /**
   * Marks the alert acknowledged; an alert acknowledged before keeps its first acknowledgement
   * time. Empty when there is no such alert.
   */
  Optional<LlmAlert> acknowledge(UUID id) {
    int changed =
        sql.sql(
                "UPDATE llm_alerts SET acknowledged = true,"
                    + " acknowledged_at = coalesce(acknowledged_at, now()) WHERE id = ?")
            .param(id)
            .update();
    if (changed == 0) {
      return Optional.empty();
    }
    return sql.sql(LlmAlert.SELECT + " WHERE id = ?")
        .param(id)
        .query((rs, n) -> LlmAlert.of(rs))
        .optional();
  }
}
