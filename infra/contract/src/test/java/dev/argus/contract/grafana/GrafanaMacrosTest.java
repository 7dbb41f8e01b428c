package dev.argus.contract.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.grafana.TemplateVariables.Selection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expansion pinned against the documented behaviour of Grafana's PostgreSQL data source (the
 * examples of its macro table and of its variable formatting), including the quirks that make a
 * panel fail in Grafana, so that the panel test fails too.
 */
class GrafanaMacrosTest {

  private static final GrafanaTime.Range RANGE =
      new GrafanaTime.Range(
          Instant.parse("2017-04-21T05:01:17Z"), Instant.parse("2017-04-21T05:06:17Z"));
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  private final PostgresMacros plain = new PostgresMacros(false);
  private final PostgresMacros timescale = new PostgresMacros(true);

  @Test
  void timeMacrosFollowTheDocumentedExamples() {
    assertThat(plain.interpolate("WHERE $__timeFilter(ts)", RANGE, ONE_MINUTE))
        .isEqualTo("WHERE ts BETWEEN '2017-04-21T05:01:17Z' AND '2017-04-21T05:06:17Z'");
    assertThat(plain.interpolate("$__timeFrom() .. $__timeTo()", RANGE, ONE_MINUTE))
        .isEqualTo("'2017-04-21T05:01:17Z' .. '2017-04-21T05:06:17Z'");
    assertThat(plain.interpolate("$__time(ts), $__timeEpoch(ts)", RANGE, ONE_MINUTE))
        .isEqualTo("ts AS \"time\", extract(epoch from ts) as \"time\"");
    assertThat(plain.interpolate("$__unixEpochFilter(epoch)", RANGE, ONE_MINUTE))
        .isEqualTo("epoch >= 1492750877 AND epoch <= 1492751177");
    assertThat(plain.interpolate("$__unixEpochFrom() $__unixEpochTo()", RANGE, ONE_MINUTE))
        .isEqualTo("1492750877 1492751177");
  }

  @Test
  void timeGroupIsArithmeticOnPostgresqlAndTimeBucketOnTimescaleDb() {
    assertThat(plain.interpolate("GROUP BY $__timeGroup(ts, '5m')", RANGE, ONE_MINUTE))
        .isEqualTo("GROUP BY floor(extract(epoch from ts)/300)*300");
    assertThat(timescale.interpolate("GROUP BY $__timeGroup(ts, '5m')", RANGE, ONE_MINUTE))
        .isEqualTo("GROUP BY time_bucket('300.000s',ts)");
    assertThat(plain.interpolate("$__timeGroupAlias(ts, 30d)", RANGE, ONE_MINUTE))
        .isEqualTo("floor(extract(epoch from ts)/2.592e+06)*2.592e+06 AS \"time\"");
    // Directly followed by a comma, $__timeGroup is read as the pre-5.3 aliasing form.
    assertThat(plain.interpolate("SELECT $__timeGroup(ts,'1h',0), v", RANGE, ONE_MINUTE))
        .isEqualTo("SELECT floor(extract(epoch from ts)/3600)*3600 AS \"time\", v");
    assertThat(timescale.interpolate("$__timeGroupAlias(ts, $__interval)", RANGE, ONE_MINUTE))
        .isEqualTo("time_bucket('60.000s',ts) AS \"time\"");
  }

  @Test
  void theQueriesThatGrafanaRejectsAreRejected() {
    assertThatThrownBy(() -> plain.interpolate("$__timeGroup(ts, 'often')", RANGE, ONE_MINUTE))
        .hasMessageContaining("error parsing interval");
    assertThatThrownBy(() -> plain.interpolate("$__timeGroup(ts)", RANGE, ONE_MINUTE))
        .hasMessageContaining("needs time column and interval");
    assertThatThrownBy(() -> plain.interpolate("$__timeGroup(ts, 1h, zero)", RANGE, ONE_MINUTE))
        .hasMessageContaining("fill value");
    assertThatThrownBy(() -> plain.interpolate("$__timeFilterr(ts)", RANGE, ONE_MINUTE))
        .hasMessageContaining("unknown macro");
    // Arguments end at the first ')': the rest is left in the SQL, which PostgreSQL then rejects.
    assertThat(plain.interpolate("$__timeFilter(coalesce(a, ts))", RANGE, ONE_MINUTE))
        .startsWith("coalesce(a BETWEEN '2017-04-21T05:01:17Z'");
  }

  @Test
  void variablesAreQuotedAsSqlDataSourcesQuoteThem() {
    var vars =
        Map.of(
            "device", new Selection(List.of("ups-1", "o'brien"), true),
            "one", new Selection(List.of("ups-1"), true),
            "price", new Selection(List.of("0.15"), false),
            "name", new Selection(List.of("it's"), false));

    assertThat(TemplateVariables.interpolate("IN ($device)", vars, RANGE, ONE_MINUTE))
        .isEqualTo("IN ('ups-1','o''brien')");
    assertThat(TemplateVariables.interpolate("IN (${device:sqlstring})", vars, RANGE, ONE_MINUTE))
        .isEqualTo("IN ('ups-1','o''brien')");
    assertThat(TemplateVariables.interpolate("IN ([[one]])", vars, RANGE, ONE_MINUTE))
        .isEqualTo("IN ('ups-1')");
    assertThat(TemplateVariables.interpolate("${device:csv}", vars, RANGE, ONE_MINUTE))
        .isEqualTo("ups-1,o'brien");
    assertThat(TemplateVariables.interpolate("* ${price} '$name'", vars, RANGE, ONE_MINUTE))
        .isEqualTo("* 0.15 'it''s'");
    assertThat(
            TemplateVariables.interpolate(
                "$__timeGroup(ts, $__interval) $__interval_ms $__timeFilter(ts)",
                vars,
                RANGE,
                Duration.ofSeconds(90)))
        .isEqualTo("$__timeGroup(ts, 1m) 90000 $__timeFilter(ts)");
  }

  @Test
  void thePanelIntervalIsRoundedLikeGrafanas() {
    var day = new GrafanaTime.Range(RANGE.from(), RANGE.from().plus(Duration.ofDays(1)));
    assertThat(GrafanaTime.formatInterval(GrafanaTime.panelInterval(day, 1000, null)))
        .isEqualTo("1m");
    assertThat(GrafanaTime.panelInterval(day, 1000, Duration.ofMinutes(5)))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(GrafanaTime.formatInterval(Duration.ofDays(400))).isEqualTo("1y");
    assertThat(GrafanaTime.parseInterval("1h30m", RANGE.to())).isEqualTo(Duration.ofMinutes(90));
    assertThat(GrafanaTime.parseInterval("2w", RANGE.to())).isEqualTo(Duration.ofDays(14));
  }
}
