package dev.argus.api.power;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs one page of a list endpoint: the total over the filtered rows and the page itself, over the
 * same FROM and WHERE, so the two can never disagree on what matches. The one place where the
 * cost of {@code total} on large tables is decided.
 */
public final class PagedQuery {

  private PagedQuery() {}

  /**
   * @param fromWhere e.g. {@code "power_events WHERE device_id = :deviceId"}
   * @param orderBy the page's order, with a unique tie-breaker so pages do not overlap
   */
  public static <T> Page<T> fetch(
      JdbcClient jdbc,
      String columns,
      String fromWhere,
      String orderBy,
      Map<String, Object> filters,
      RowMapper<T> rows,
      int page,
      int pageSize) {
    long total =
        jdbc.sql("SELECT count(*) FROM " + fromWhere).params(filters).query(Long.class).single();
    Map<String, Object> params = new HashMap<>(filters);
    params.put("limit", pageSize);
    params.put("offset", Page.offset(page, pageSize));
    List<T> items =
        jdbc.sql(
                "SELECT " + columns + " FROM " + fromWhere + " ORDER BY " + orderBy
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(rows)
            .list();
    return new Page<>(page, pageSize, total, items);
  }
}
