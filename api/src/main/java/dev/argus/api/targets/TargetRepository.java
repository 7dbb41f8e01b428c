package dev.argus.api.targets;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.api.system.paging.Page;
import dev.argus.api.system.paging.PagedQuery;
import dev.argus.contract.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code targets} (written here) with their {@code target_status} (read only: the processor's sink
 * writes it), {@code probe_results} and {@code target_events}.
 */
@Repository
class TargetRepository {

  /** Filters of the target list: status {@code unknown} means no probe result has arrived yet. */
  record Filter(Boolean enabled, String site, String status) {}

  private static final String COLUMNS =
      """
      t.id, t.name, t.type, t.address, t.check_interval_seconds, t.failure_threshold, t.enabled,
      t.site, t.collector_id, t.options, t.alert_repeat_minutes, t.acknowledged_at, t.created_at,
      t.updated_at,
      s.status, s.consecutive_failures, s.streak_started_at, s.last_checked_at,
      s.last_response_ms, s.last_status_code, s.last_error, s.cert_expires_at
      """;
  private static final String FROM = "targets t LEFT JOIN target_status s ON s.target_id = t.id";

  private final JdbcClient jdbc;
  private final PagedQuery pages;

  TargetRepository(JdbcClient jdbc, PagedQuery pages) {
    this.jdbc = jdbc;
    this.pages = pages;
  }

  Page<Target> page(Filter filter, int page, int pageSize) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (filter.enabled() != null) {
      conditions.add("t.enabled = :enabled");
      params.put("enabled", filter.enabled());
    }
    if (filter.site() != null) {
      conditions.add("t.site = :site");
      params.put("site", filter.site());
    }
    if ("unknown".equals(filter.status())) {
      conditions.add("s.target_id IS NULL");
    } else if (filter.status() != null) {
      conditions.add("s.status = :status");
      params.put("status", filter.status());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return pages.fetch(
        COLUMNS,
        FROM + where,
        "t.id",
        params,
        !conditions.isEmpty(),
        TargetRepository::target,
        page,
        pageSize);
  }

  Optional<Target> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE t.id = :id")
        .param("id", id)
        .query(TargetRepository::target)
        .optional();
  }

  boolean exists(long id) {
    return jdbc.sql("SELECT count(*) FROM targets WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The id of another target with this name (case-insensitive), if any. Callers hold {@link
   * #lockNames()} so that two concurrent writes cannot both find the name free.
   */
  Optional<Long> idOfName(String name, long exceptId) {
    return jdbc.sql("SELECT id FROM targets WHERE lower(name) = lower(:name) AND id <> :id LIMIT 1")
        .param("name", name)
        .param("id", exceptId)
        .query(Long.class)
        .optional();
  }

  /** Serialises name checks with other writers until the transaction ends (any replica). */
  void lockNames() {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('argus:target-names', 0))")
        .query(Object.class)
        .single();
  }

  long insert(TargetRequest request) {
    return jdbc.sql(
            """
            INSERT INTO targets (name, type, address, check_interval_seconds, failure_threshold,
                enabled, site, collector_id, options, alert_repeat_minutes)
            VALUES (:name, :type, :address, :interval, :threshold, :enabled, :site, :collectorId,
                CAST(:options AS jsonb), :repeat)
            RETURNING id
            """)
        .params(settings(request))
        .query(Long.class)
        .single();
  }

  boolean update(long id, TargetRequest request) {
    Map<String, Object> params = settings(request);
    params.put("id", id);
    return jdbc.sql(
                """
                UPDATE targets SET name = :name, type = :type, address = :address,
                    check_interval_seconds = :interval, failure_threshold = :threshold,
                    enabled = :enabled, site = :site, collector_id = :collectorId,
                    options = CAST(:options AS jsonb),
                    alert_repeat_minutes = :repeat, updated_at = now()
                WHERE id = :id
                """)
            .params(params)
            .update()
        == 1;
  }

  boolean delete(long id) {
    return jdbc.sql("DELETE FROM targets WHERE id = :id").param("id", id).update() == 1;
  }

  /**
   * Acknowledges the current failure if the target is down; false when it is not (no result yet, or
   * up) or does not exist. One statement, so a recovery written meanwhile is not overlooked.
   */
  boolean acknowledgeIfDown(long id) {
    return jdbc.sql(
                """
                UPDATE targets t SET acknowledged_at = now(), updated_at = now()
                FROM target_status s
                WHERE t.id = :id AND s.target_id = t.id AND s.status = 'down'
                """)
            .param("id", id)
            .update()
        == 1;
  }

  Page<ProbeResultItem> results(long targetId, int page, int pageSize) {
    return pages.fetch(
        "ts, up, response_time_ms, status_code, error, collector_id",
        "probe_results WHERE target_id = :id",
        "ts DESC",
        Map.of("id", targetId),
        true,
        (rs, row) ->
            new ProbeResultItem(
                Columns.instant(rs, "ts"),
                rs.getBoolean("up"),
                Columns.nullableDouble(rs, "response_time_ms"),
                Columns.nullableInteger(rs, "status_code"),
                rs.getString("error"),
                rs.getString("collector_id")),
        page,
        pageSize);
  }

  Page<TargetEvent> events(long targetId, int page, int pageSize) {
    return pages.fetch(
        "id, event_id, ts, target_id, event_type, severity, metadata",
        "target_events WHERE target_id = :id",
        "ts DESC, id DESC",
        Map.of("id", targetId),
        true,
        (rs, row) ->
            new TargetEvent(
                rs.getLong("id"),
                rs.getString("event_id"),
                Columns.instant(rs, "ts"),
                rs.getLong("target_id"),
                rs.getString("event_type"),
                rs.getString("severity"),
                Columns.jsonObject(rs, "metadata")),
        page,
        pageSize);
  }

  private static Map<String, Object> settings(TargetRequest request) {
    Map<String, Object> params = new HashMap<>();
    params.put("name", request.name());
    params.put("type", request.type());
    params.put("address", request.address());
    params.put("interval", request.checkIntervalSeconds());
    params.put("threshold", request.failureThreshold());
    params.put("enabled", request.enabled());
    params.put("site", request.site());
    params.put("collectorId", request.collectorId());
    params.put("options", WireJson.MAPPER.writeValueAsString(request.options()));
    params.put("repeat", request.alertRepeatMinutes());
    return params;
  }

  private static Target target(ResultSet rs, int row) throws SQLException {
    int threshold = rs.getInt("failure_threshold");
    var acknowledgedAt = Columns.instant(rs, "acknowledged_at");
    TargetState state = null;
    if (rs.getString("status") != null) {
      int failures = rs.getInt("consecutive_failures");
      var streakStartedAt = Columns.instant(rs, "streak_started_at");
      boolean down = "down".equals(rs.getString("status"));
      state =
          new TargetState(
              rs.getString("status"),
              failures,
              failures >= threshold,
              down
                  && acknowledgedAt != null
                  && (streakStartedAt == null || !acknowledgedAt.isBefore(streakStartedAt)),
              streakStartedAt,
              Columns.instant(rs, "last_checked_at"),
              Columns.nullableDouble(rs, "last_response_ms"),
              Columns.nullableInteger(rs, "last_status_code"),
              rs.getString("last_error"),
              Columns.instant(rs, "cert_expires_at"));
    }
    return new Target(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("type"),
        rs.getString("address"),
        rs.getInt("check_interval_seconds"),
        threshold,
        rs.getBoolean("enabled"),
        rs.getString("site"),
        rs.getString("collector_id"),
        WireJson.MAPPER.readValue(rs.getString("options"), TargetOptions.class),
        Columns.nullableInteger(rs, "alert_repeat_minutes"),
        acknowledgedAt,
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "updated_at"),
        state);
  }
}
