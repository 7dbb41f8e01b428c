package dev.argus.contract.grafana;

import dev.argus.contract.grafana.GrafanaDashboards.Dashboard;
import dev.argus.contract.grafana.TemplateVariables.Selection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Runs a dashboard's SQL the way Grafana would: its query variables first (their rows become the
 * options), then every SQL target of every panel over the dashboard's time range (or the panel's
 * own "relative time"), with variables, built-ins and macros expanded. Reports, per query, the SQL
 * sent and what went wrong: an error, no rows, or a time series without an ascending {@code time}
 * column.
 */
final class PanelSqlRunner {

  /** Which options the multi-value variables select. */
  enum Choice {
    /** "All": every option, quoted and joined, as most users leave it. */
    ALL,
    /** Only the first option. */
    FIRST
  }

  /** What one query did. */
  record Outcome(String where, String sql, int rows, String problem) {
    boolean failed() {
      return problem != null;
    }

    @Override
    public String toString() {
      return where + ": " + problem + "\n    " + sql;
    }
  }

  // Grafana asks for about as many points as the panel is wide in pixels.
  private static final int MAX_DATA_POINTS = 1000;

  private final Connection connection;
  private final PostgresMacros macros;
  private final Instant now;

  PanelSqlRunner(Connection connection, boolean timescaledb, Instant now) {
    this.connection = connection;
    this.macros = new PostgresMacros(timescaledb);
    this.now = now;
  }

  /** Over the dashboard's own time range. */
  List<Outcome> run(Dashboard dashboard, Choice choice) {
    return run(dashboard, choice, dashboard.json().path("time").path("from").asString());
  }

  /**
   * Over the range from {@code from} (e.g. {@code now-90d}) to the dashboard's end, as when a user
   * picks another range; panels with their own relative time keep it.
   */
  List<Outcome> run(Dashboard dashboard, Choice choice, String from) {
    List<Outcome> outcomes = new ArrayList<>();
    String ownFrom = dashboard.json().path("time").path("from").asString();
    String scope = dashboard.title() + (from.equals(ownFrom) ? "" : " (from " + from + ")");
    GrafanaTime.Range range =
        new GrafanaTime.Range(
            GrafanaTime.relative(from, now),
            GrafanaTime.relative(dashboard.json().path("time").path("to").asString(), now));
    Duration dashboardInterval = GrafanaTime.panelInterval(range, MAX_DATA_POINTS, null);
    Map<String, Selection> selections = new LinkedHashMap<>();
    for (JsonNode variable : dashboard.variables()) {
      String name = variable.path("name").asString();
      String where = scope + " / variable $" + name;
      List<String> options =
          switch (variable.path("type").asString()) {
            case "query" -> {
              String sql =
                  expand(variable.path("query").asString(), selections, range, dashboardInterval);
              Options found = options(sql);
              outcomes.add(new Outcome(where, sql, found.values().size(), found.problem()));
              yield found.values();
            }
            case "custom" ->
                Arrays.stream(variable.path("query").asString().split(","))
                    .map(String::strip)
                    .toList();
            case "textbox", "constant" -> List.of(variable.path("query").asString());
            default -> List.of();
          };
      boolean multiOrAll =
          variable.path("multi").asBoolean() || variable.path("includeAll").asBoolean();
      if (!options.isEmpty()) {
        selections.put(
            name,
            new Selection(
                multiOrAll && choice == Choice.ALL ? options : List.of(options.getFirst()),
                multiOrAll));
      }
    }
    for (JsonNode panel : dashboard.panels()) {
      for (JsonNode target : panel.path("targets")) {
        if (!GrafanaDashboards.isPostgres(GrafanaDashboards.datasourceOf(panel, target))) {
          continue;
        }
        String where =
            scope
                + " / "
                + panel.path("title").asString()
                + " / "
                + target.path("refId").asString();
        GrafanaTime.Range panelRange = panelRange(panel, range);
        Duration minimum =
            panel.hasNonNull("interval")
                ? GrafanaTime.parseInterval(panel.path("interval").asString(), now)
                : null;
        Duration interval =
            GrafanaTime.panelInterval(
                panelRange, panel.path("maxDataPoints").asInt(MAX_DATA_POINTS), minimum);
        String sql;
        try {
          sql = expand(target.path("rawSql").asString(), selections, panelRange, interval);
        } catch (IllegalArgumentException e) {
          outcomes.add(new Outcome(where, target.path("rawSql").asString(), 0, e.getMessage()));
          continue;
        }
        outcomes.add(execute(where, sql, "time_series".equals(target.path("format").asString())));
      }
    }
    return outcomes;
  }

  private String expand(
      String raw, Map<String, Selection> selections, GrafanaTime.Range range, Duration interval) {
    return macros.interpolate(
        TemplateVariables.interpolate(raw, selections, range, interval), range, interval);
  }

  /** A panel's "relative time" ({@code timeFrom}, e.g. {@code 30d}) replaces the dashboard's. */
  private GrafanaTime.Range panelRange(JsonNode panel, GrafanaTime.Range dashboard) {
    if (!panel.hasNonNull("timeFrom")) {
      return dashboard;
    }
    return new GrafanaTime.Range(
        GrafanaTime.relative("now-" + panel.path("timeFrom").asString(), now), now);
  }

  private record Options(List<String> values, String problem) {}

  /** Grafana's SQL variable options: {@code __text}/{@code __value} pairs, else every value. */
  private Options options(String sql) {
    Set<String> values = new LinkedHashSet<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      int valueColumn = columnIndex(meta, "__value");
      while (rs.next()) {
        if (valueColumn > 0) {
          values.add(rs.getString(valueColumn));
        } else {
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            values.add(rs.getString(i));
          }
        }
      }
    } catch (SQLException e) {
      return new Options(List.of(), e.getMessage());
    }
    return new Options(List.copyOf(values), values.isEmpty() ? "no options" : null);
  }

  private Outcome execute(String where, String sql, boolean timeSeries) {
    int rows = 0;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      int time = columnIndex(meta, "time");
      if (timeSeries && (time == 0 || !isTimeType(meta.getColumnType(time)))) {
        return new Outcome(
            where, sql, 0, "a time series needs a timestamp or numeric column 'time'");
      }
      double previous = Double.NEGATIVE_INFINITY;
      while (rs.next()) {
        rows++;
        if (timeSeries) {
          double at =
              meta.getColumnType(time) == Types.TIMESTAMP
                      || meta.getColumnType(time) == Types.TIMESTAMP_WITH_TIMEZONE
                  ? rs.getTimestamp(time).getTime()
                  : rs.getDouble(time);
          if (at < previous) {
            return new Outcome(where, sql, rows, "time series rows are not in ascending time");
          }
          previous = at;
        }
      }
    } catch (SQLException e) {
      return new Outcome(where, sql, rows, e.getMessage());
    }
    return new Outcome(where, sql, rows, rows == 0 ? "no rows" : null);
  }

  private static boolean isTimeType(int type) {
    return switch (type) {
      case Types.TIMESTAMP,
          Types.TIMESTAMP_WITH_TIMEZONE,
          Types.DATE,
          Types.BIGINT,
          Types.INTEGER,
          Types.NUMERIC,
          Types.DOUBLE,
          Types.REAL ->
          true;
      default -> false;
    };
  }

  private static int columnIndex(ResultSetMetaData meta, String name) throws SQLException {
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if (meta.getColumnLabel(i).equals(name)) {
        return i;
      }
    }
    return 0;
  }
}
