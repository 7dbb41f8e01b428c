package dev.argus.contract.grafana;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What Grafana's front end does to a SQL query before it reaches the data source: dashboard
 * variables ({@code $device}, {@code ${device}}, {@code ${device:sqlstring}}, {@code [[device]]})
 * and the built-ins {@code $__interval}, {@code $__interval_ms}, {@code $__from}, {@code $__to}.
 * Unknown names (the backend macros such as {@code $__timeFilter}) are left as they are.
 *
 * <p>Without a format, SQL data sources quote each value of a multi-value or "All" variable and
 * join them with commas, and insert a single-value variable unquoted with {@code '} doubled ({@code
 * SqlDatasource.interpolateVariable}).
 */
final class TemplateVariables {

  /**
   * The selected values of a variable.
   *
   * @param multiOrAll the variable allows several values or "All": values are then quoted
   */
  record Selection(List<String> values, boolean multiOrAll) {}

  // templateSrv's variable pattern: $name | [[name(:format)]] | ${name(.path)(:format)}
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?\\]\\]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?\\}");

  private TemplateVariables() {}

  static String interpolate(
      String sql, Map<String, Selection> variables, GrafanaTime.Range range, Duration interval) {
    Matcher m = VARIABLE.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = first(m.group(1), m.group(2), m.group(4));
      String format = first(m.group(3), m.group(6));
      String replacement = valueOf(name, format, variables, range, interval);
      m.appendReplacement(
          out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String valueOf(
      String name,
      String format,
      Map<String, Selection> variables,
      GrafanaTime.Range range,
      Duration interval) {
    Selection builtIn =
        switch (name) {
          case "__interval" -> single(GrafanaTime.formatInterval(interval));
          case "__interval_ms" -> single(Long.toString(interval.toMillis()));
          case "__from" -> single(Long.toString(range.from().toEpochMilli()));
          case "__to" -> single(Long.toString(range.to().toEpochMilli()));
          default -> null;
        };
    Selection selection = builtIn != null ? builtIn : variables.get(name);
    if (selection == null) {
      return null;
    }
    if (format == null) {
      return selection.multiOrAll() || selection.values().size() != 1
          ? selection.values().stream().map(TemplateVariables::quote).collect(joining())
          : selection.values().getFirst().replace("'", "''");
    }
    return switch (format) {
      case "sqlstring" ->
          selection.values().stream().map(TemplateVariables::quote).collect(joining());
      case "raw", "csv" -> String.join(",", selection.values());
      case "singlequote" ->
          selection.values().stream()
              .map(v -> "'" + v.replace("'", "\\'") + "'")
              .collect(joining());
      case "doublequote" ->
          selection.values().stream()
              .map(v -> "\"" + v.replace("\"", "\\\"") + "\"")
              .collect(joining());
      default ->
          throw new IllegalArgumentException(
              "variable format '" + format + "' of $" + name + " is not one this test knows");
    };
  }

  private static Selection single(String value) {
    return new Selection(List.of(value), false);
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(",");
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null) {
        return c;
      }
    }
    return null;
  }
}
