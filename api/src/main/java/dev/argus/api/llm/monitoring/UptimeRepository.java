package dev.argus.api.llm.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code llm_probe_results}, written by the processor's sink; the api only reads it. */
@Repository
class UptimeRepository {

  /** Filters of the history; null means no filter. {@code until} is inclusive. */
  record Filter(UUID modelId, String status, Instant since, Instant until) {}

  /**
   * Rows fetched per round trip while exporting: PostgreSQL's driver reads a result set through a
   * cursor, holding only this many rows, when the fetch size is set and autocommit is off.
   */
  private static final int EXPORT_FETCH_SIZE = 1000;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate cursor;
  private final TransactionTemplate readOnly;

  UptimeRepository(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    JdbcTemplate streaming = new JdbcTemplate(dataSource);
    streaming.setFetchSize(EXPORT_FETCH_SIZE);
    this.cursor = new NamedParameterJdbcTemplate(streaming);
    TransactionTemplate template = new TransactionTemplate(transactions.getTransactionManager());
    template.setReadOnly(true);
    this.readOnly = template;
  }

  UptimePage page(Filter filter, int limit, long offset) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    long total =
        jdbc.sql("SELECT count(*) FROM llm_probe_results" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", limit);
    params.put("offset", offset);
    List<UptimeItem> items =
        jdbc.sql(
                "SELECT "
                    + UptimeItem.COLUMNS
                    + " FROM llm_probe_results"
                    + where
                    + " ORDER BY ts DESC, reading_id DESC LIMIT :limit OFFSET :offset")
            .params(params)
            .query(UptimeItem::of)
            .list();
    return new UptimePage(items, total);
  }

  /**
   * Hands every matching row, oldest first, to {@code rows} as it is read: the history is never
   * held in memory, whatever its size. Runs in a read-only transaction (the cursor needs one).
   */
  void forEach(Filter filter, Consumer<UptimeExportRow> rows) {
    Map<String, Object> params = new HashMap<>();
    String sql =
        "SELECT "
            + UptimeExportRow.COLUMNS
            + " FROM llm_probe_results"
            + where(filter, params)
            + " ORDER BY ts, reading_id";
    readOnly.executeWithoutResult(
        tx -> {
          RowCallbackHandler each = rs -> rows.accept(UptimeExportRow.of(rs));
          cursor.query(sql, params, each);
        });
  }

  private static String where(Filter filter, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    if (filter.modelId() != null) {
      conditions.add("model_id = :modelId");
      params.put("modelId", filter.modelId());
    }
    if (filter.status() != null) {
      conditions.add("status = :status");
      params.put("status", filter.status());
    }
    if (filter.since() != null) {
      conditions.add("ts >= :since");
      params.put("since", Timestamp.from(filter.since()));
    }
    if (filter.until() != null) {
      conditions.add("ts <= :until");
      params.put("until", Timestamp.from(filter.until()));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }
}
