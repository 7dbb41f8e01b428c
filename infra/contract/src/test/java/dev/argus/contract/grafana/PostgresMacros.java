package dev.argus.contract.grafana;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana PostgreSQL data source's server side: the global substitutions every SQL data source
 * makes ({@code $__interval_ms}, {@code $__interval}, {@code $__unixEpochFrom()}, {@code
 * $__unixEpochTo()}), then the macro engine. Follows the documented macros and their quirks that
 * can break a query: a macro's arguments end at the first {@code )} (so {@code
 * $__timeFilter(coalesce(a, b))} does not work), they are split at every comma, {@code
 * $__timeGroup} followed directly by a comma is read as {@code $__timeGroupAlias}, an unknown
 * {@code $__name(...)} is an error, and {@code $__timeGroup} becomes {@code time_bucket} only when
 * the data source is marked as TimescaleDB.
 */
final class PostgresMacros {

  private static final Pattern MACRO = Pattern.compile("\\$([_a-zA-Z0-9]+)\\(([^)]*)\\)");
  private static final Pattern FILL_NUMBER = Pattern.compile("[-+]?\\d*\\.?\\d+(?:[eE][-+]?\\d+)?");

  private final boolean timescaledb;

  PostgresMacros(boolean timescaledb) {
    this.timescaledb = timescaledb;
  }

  String interpolate(String sql, GrafanaTime.Range range, Duration interval) {
    String global =
        sql.replace("$__interval_ms", Long.toString(interval.toMillis()))
            .replace("$__interval", GrafanaTime.formatInterval(interval))
            .replace("$__unixEpochFrom()", Long.toString(range.from().getEpochSecond()))
            .replace("$__unixEpochTo()", Long.toString(range.to().getEpochSecond()));
    Matcher m = MACRO.matcher(global);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (name.equals("__timeGroup")) {
        int after = global.indexOf(m.group()) + m.group().length();
        if (after < global.length() && global.charAt(after) == ',') {
          name = "__timeGroupAlias";
        }
      }
      List<String> args =
          Arrays.stream(m.group(2).split(",", -1)).map(PostgresMacros::trim).toList();
      m.appendReplacement(out, Matcher.quoteReplacement(evaluate(name, args, range)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String evaluate(String name, List<String> args, GrafanaTime.Range range) {
    return switch (name) {
      case "__time" -> column(name, args) + " AS \"time\"";
      case "__timeEpoch" -> "extract(epoch from " + column(name, args) + ") as \"time\"";
      case "__timeFilter" ->
          column(name, args) + " BETWEEN " + literal(range.from()) + " AND " + literal(range.to());
      case "__timeFrom" -> literal(range.from());
      case "__timeTo" -> literal(range.to());
      case "__timeGroup" -> {
        double seconds = groupSeconds(name, args, range);
        yield timescaledb
            ? String.format(Locale.ROOT, "time_bucket('%.3fs',%s)", seconds, args.get(0))
            : "floor(extract(epoch from %s)/%s)*%s"
                .formatted(args.get(0), GrafanaTime.goFloat(seconds), GrafanaTime.goFloat(seconds));
      }
      case "__timeGroupAlias" -> evaluate("__timeGroup", args, range) + " AS \"time\"";
      case "__unixEpochFilter" -> {
        String col = column(name, args);
        yield col
            + " >= "
            + range.from().getEpochSecond()
            + " AND "
            + col
            + " <= "
            + range.to().getEpochSecond();
      }
      case "__unixEpochNanoFilter" -> {
        String col = column(name, args);
        yield col + " >= " + nanos(range.from()) + " AND " + col + " <= " + nanos(range.to());
      }
      case "__unixEpochNanoFrom" -> Long.toString(nanos(range.from()));
      case "__unixEpochNanoTo" -> Long.toString(nanos(range.to()));
      case "__unixEpochGroup" -> {
        String s = GrafanaTime.goFloat(groupSeconds(name, args, range));
        yield "floor((" + args.get(0) + ")/" + s + ")*" + s;
      }
      case "__unixEpochGroupAlias" -> evaluate("__unixEpochGroup", args, range) + " AS \"time\"";
      default -> throw new IllegalArgumentException("unknown macro \"" + name + "\"");
    };
  }

  /** The interval of a group macro in seconds; checks the optional fill value as Grafana does. */
  private static double groupSeconds(String name, List<String> args, GrafanaTime.Range range) {
    if (args.size() < 2) {
      throw new IllegalArgumentException(
          "macro " + name + " needs time column and interval and optional fill value");
    }
    Duration interval =
        GrafanaTime.parseInterval(args.get(1).replaceAll("^'+|'+$", ""), range.to());
    if (args.size() == 3) {
      String fill = args.get(2);
      if (!fill.equals("NULL")
          && !fill.equals("previous")
          && !FILL_NUMBER.matcher(fill).matches()) {
        throw new IllegalArgumentException("error parsing fill value " + fill);
      }
    }
    return interval.toNanos() / 1e9;
  }

  private static String column(String name, List<String> args) {
    if (args.isEmpty() || args.get(0).isEmpty()) {
      throw new IllegalArgumentException("missing time column argument for macro " + name);
    }
    return args.get(0);
  }

  /** Go's RFC3339Nano in UTC: a fraction only when there is one, without trailing zeros. */
  private static String literal(Instant instant) {
    String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
    return "'" + (iso.contains(".") ? iso.replaceAll("\\.?0*Z$", "Z") : iso) + "'";
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static String trim(String arg) {
    return arg.replaceAll("^ +| +$", "");
  }
}
