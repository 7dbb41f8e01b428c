package dev.argus.api.ai;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums of {@code ai_usage} per UTC day and provider. */
@Repository
class UsageRepository {

  private final JdbcClient jdbc;

  UsageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The days {@code from} to {@code to}, both included. */
  List<UsageView.Day> days(LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            SELECT (called_at AT TIME ZONE 'UTC')::date AS day, provider_id, provider,
                count(*) AS calls, count(*) FILTER (WHERE NOT success) AS failures,
                coalesce(sum(input_tokens), 0) AS input_tokens,
                coalesce(sum(output_tokens), 0) AS output_tokens,
                coalesce(sum(cost_usd), 0) AS cost_usd
            FROM ai_usage
            WHERE called_at >= :from AND called_at < :until
            GROUP BY 1, 2, 3
            ORDER BY 1, 3, 2
            """)
        .param("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
        .param("until", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
        .query(
            (rs, row) ->
                new UsageView.Day(
                    rs.getObject("day", LocalDate.class),
                    rs.getObject("provider_id", UUID.class),
                    rs.getString("provider"),
                    rs.getLong("calls"),
                    rs.getLong("failures"),
                    rs.getLong("input_tokens"),
                    rs.getLong("output_tokens"),
                    rs.getBigDecimal("cost_usd")))
        .list();
  }

  static UsageView.Totals totals(List<UsageView.Day> days) {
    BigDecimal cost = BigDecimal.ZERO;
    long calls = 0;
    long failures = 0;
    long input = 0;
    long output = 0;
    for (UsageView.Day day : days) {
      calls += day.calls();
      failures += day.failures();
      input += day.inputTokens();
      output += day.outputTokens();
      cost = cost.add(day.costUsd());
    }
    return new UsageView.Totals(calls, failures, input, output, cost);
  }
}
