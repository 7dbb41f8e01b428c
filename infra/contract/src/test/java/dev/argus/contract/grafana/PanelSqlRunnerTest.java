package dev.argus.contract.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.grafana.GrafanaDashboards.Dashboard;
import dev.argus.contract.grafana.PanelSqlRunner.Choice;
import dev.argus.contract.grafana.PanelSqlRunner.Outcome;
import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.testing.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The panel test can fail: the runner reports each way a panel's SQL can be wrong. */
class PanelSqlRunnerTest {

  private static final String DASHBOARD =
      """
      {"uid": "broken", "title": "Broken", "time": {"from": "now-6h", "to": "now"},
       "templating": {"list": [
         {"name": "device", "type": "query", "multi": true, "includeAll": true,
          "datasource": {"type": "grafana-postgresql-datasource", "uid": "argus-timescaledb"},
          "query": "SELECT DISTINCT device_id FROM power_snapshots ORDER BY 1"}]},
       "panels": [%s]}
      """;

  private static final String PANEL =
      """
      {"title": "%s", "datasource": {"type": "grafana-postgresql-datasource", "uid": "argus-timescaledb"},
       "targets": [{"refId": "A", "format": "%s", "rawQuery": true, "rawSql": "%s"}]}
      """;

  @Test
  void wrongPanelsAreReportedAndRightOnesAreNot() throws Exception {
    // Given telemetry on the migrated schema
    DataSource ds = EmbeddedDatabase.dataSource(EmbeddedDatabase.freshDatabase());
    ArgusSchema.migrate(ds);
    try (Connection c = ds.getConnection()) {
      PanelSqlTest.loadTelemetry(c);
      var dashboard =
          dashboard(
              panel(
                  "right",
                  "time_series",
                  "SELECT $__timeGroupAlias(ts, $__interval), avg(power_watts) FROM power_snapshots"
                      + " WHERE $__timeFilter(ts) AND device_id IN ($device) GROUP BY 1 ORDER BY"
                      + " 1"),
              panel(
                  "unknown column",
                  "table",
                  "SELECT watts FROM power_snapshots WHERE $__timeFilter(ts)"),
              panel(
                  "equals with a multi-value variable",
                  "table",
                  "SELECT * FROM power_snapshots WHERE device_id = $device"),
              panel(
                  "parenthesis in a macro",
                  "table",
                  "SELECT * FROM power_snapshots WHERE $__timeFilter(coalesce(ts, now()))"),
              panel(
                  "filters everything out",
                  "table",
                  "SELECT * FROM power_snapshots WHERE $__timeFilter(ts) AND device_id = 'nobody'"),
              panel(
                  "time series without time",
                  "time_series",
                  "SELECT ts AS at, power_watts FROM power_snapshots WHERE $__timeFilter(ts)"),
              panel(
                  "time series in the wrong order",
                  "time_series",
                  "SELECT ts AS time, power_watts FROM power_snapshots WHERE $__timeFilter(ts)"
                      + " ORDER BY ts DESC"),
              panel(
                  "a misspelt macro",
                  "table",
                  "SELECT * FROM power_snapshots WHERE $__timeFiltre(ts)"));

      // When it runs
      List<Outcome> outcomes =
          new PanelSqlRunner(c, false, Instant.now()).run(dashboard, Choice.ALL);

      // Then only the right panel (and the variable) pass
      assertThat(outcomes.stream().filter(o -> !o.failed()).map(Outcome::where))
          .containsExactly("Broken / variable $device", "Broken / right / A");
      assertThat(outcomes.stream().filter(Outcome::failed).map(Outcome::problem))
          .hasSize(7)
          .anySatisfy(p -> assertThat(p).contains("column \"watts\" does not exist"))
          .anySatisfy(p -> assertThat(p).isEqualTo("no rows"))
          .anySatisfy(p -> assertThat(p).contains("needs a timestamp or numeric column 'time'"))
          .anySatisfy(p -> assertThat(p).contains("not in ascending time"))
          .anySatisfy(p -> assertThat(p).contains("unknown macro"));
    }
  }

  private static String panel(String title, String format, String sql) {
    return PANEL.formatted(title, format, sql);
  }

  private static Dashboard dashboard(String... panels) {
    return new Dashboard(
        Path.of("broken.json"),
        JsonMapper.builder().build().readTree(DASHBOARD.formatted(String.join(",", panels))));
  }
}
