package dev.argus.api.system.paging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one page of a list endpoint: the total over the filtered rows and the page itself, over the
 * same FROM and WHERE, so the two can never disagree on what matches. The one place where the cost
 * of {@code total} on large tables is decided.
 *
 * <p>{@code count(*)} reads every matching row: on 5 million snapshots it costs about a third of a
 * second on every page. A filtered list (by device: the {@code (device_id, ts)} index bounds it) is
 * counted exactly. An unfiltered list first asks the planner how many rows it expects ({@code
 * EXPLAIN}, which reads only statistics: {@code pg_class.reltuples} scaled to the table's current
 * size, over every chunk of a TimescaleDB hypertable); below {@link
 * PagingProperties#exactCountLimit} it counts exactly, above it answers the estimate and says so.
 */
@Component
public class PagedQuery {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final PagingProperties properties;

  PagedQuery(JdbcClient jdbc, PagingProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * @param fromWhere e.g. {@code "power_events WHERE device_id = :deviceId"}
   * @param orderBy the page's order, with a unique tie-breaker so pages do not overlap
   * @param filtered whether the client asked for a filter; only unfiltered totals are estimated
   */
  public <T> Page<T> fetch(
      String columns,
      String fromWhere,
      String orderBy,
      Map<String, Object> filters,
      boolean filtered,
      RowMapper<T> rows,
      int page,
      int pageSize) {
    long estimate = filtered ? -1 : plannerEstimate(fromWhere, filters);
    boolean estimated = estimate > properties.exactCountLimit();
    long total =
        estimated
            ? estimate
            : jdbc.sql("SELECT count(*) FROM " + fromWhere)
                .params(filters)
                .query(Long.class)
                .single();
    Map<String, Object> params = new HashMap<>(filters);
    params.put("limit", pageSize);
    params.put("offset", Page.offset(page, pageSize));
    List<T> items =
        jdbc.sql(
                "SELECT "
                    + columns
                    + " FROM "
                    + fromWhere
                    + " ORDER BY "
                    + orderBy
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(rows)
            .list();
    return new Page<>(page, pageSize, total, items, estimated);
  }

  /** The planner's row estimate for the FROM/WHERE, without running it. */
  private long plannerEstimate(String fromWhere, Map<String, Object> filters) {
    String plan =
        jdbc.sql("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + fromWhere)
            .params(filters)
            .query(String.class)
            .single();
    JsonNode rows = JSON.readTree(plan).path(0).path("Plan").path("Plan Rows");
    // No estimate (an unexpected plan shape): count exactly rather than guess.
    return rows.isNumber() ? rows.longValue() : -1;
  }
}
