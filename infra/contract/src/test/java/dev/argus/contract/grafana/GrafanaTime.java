package dev.argus.contract.grafana;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's handling of time in SQL queries: interval strings ({@code gtime.ParseInterval}, {@code
 * gtime.FormatInterval}), the interval it picks for a panel ({@code rangeUtil.calculateInterval})
 * and the way its Go backend prints seconds ({@code %v}, {@code %.3f}) into {@code $__timeGroup}.
 */
final class GrafanaTime {

  /** A dashboard's or panel's time range. */
  record Range(Instant from, Instant to) {
    Duration length() {
      return Duration.between(from, to);
    }
  }

  private static final Pattern CALENDAR_UNIT = Pattern.compile("^(\\d+)([dwMy])$");
  private static final Pattern GO_DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Pattern RELATIVE = Pattern.compile("^now(?:-(\\d+)([smhdwMy]))?$");

  private GrafanaTime() {}

  /**
   * {@code gtime.ParseInterval}: {@code d}, {@code w}, {@code M}, {@code y} with an integer count,
   * otherwise a Go duration ({@code 90s}, {@code 1h30m}, {@code 1.5h}).
   */
  static Duration parseInterval(String text, Instant now) {
    Matcher calendar = CALENDAR_UNIT.matcher(text);
    if (calendar.matches()) {
      long n = Long.parseLong(calendar.group(1));
      return switch (calendar.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "w" -> Duration.ofDays(7 * n);
        case "M" ->
            Duration.between(
                now, now.atOffset(ZoneOffset.UTC).plusMonths(n).toInstant()); // calendar months
        default -> Duration.between(now, now.atOffset(ZoneOffset.UTC).plusYears(n).toInstant());
      };
    }
    return parseGoDuration(text);
  }

  private static Duration parseGoDuration(String text) {
    Matcher part = GO_DURATION_PART.matcher(text);
    int end = 0;
    BigDecimal nanos = BigDecimal.ZERO;
    while (part.find() && part.start() == end) {
      BigDecimal unit =
          switch (part.group(2)) {
            case "ns" -> BigDecimal.ONE;
            case "us", "µs" -> BigDecimal.valueOf(1_000L);
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            default -> BigDecimal.valueOf(3_600_000_000_000L);
          };
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(unit));
      end = part.end();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException("error parsing interval " + text);
    }
    return Duration.ofNanos(nanos.longValue());
  }

  /**
   * {@code gtime.FormatInterval}: the largest whole unit, as Grafana prints {@code $__interval}.
   */
  static String formatInterval(Duration interval) {
    long ms = interval.toMillis();
    long year = Duration.ofDays(365).toMillis();
    long day = Duration.ofDays(1).toMillis();
    if (ms >= year) {
      return ms / year + "y";
    }
    if (ms >= day) {
      return ms / day + "d";
    }
    if (ms >= 3_600_000) {
      return ms / 3_600_000 + "h";
    }
    if (ms >= 60_000) {
      return ms / 60_000 + "m";
    }
    if (ms >= 1_000) {
      return ms / 1_000 + "s";
    }
    return ms >= 1 ? ms + "ms" : "1ms";
  }

  /**
   * {@code rangeUtil.calculateInterval}: the range divided by the panel's data points, rounded to
   * Grafana's steps ({@code roundInterval}), and never below the panel's minimum interval.
   */
  static Duration panelInterval(Range range, int maxDataPoints, Duration minimum) {
    long rounded = roundInterval(range.length().toMillis() / (double) maxDataPoints);
    return Duration.ofMillis(Math.max(rounded, minimum == null ? 1 : minimum.toMillis()));
  }

  private static final long[][] ROUNDING = {
    {15, 10},
    {35, 20},
    {75, 50},
    {150, 100},
    {350, 200},
    {750, 500},
    {1_500, 1_000},
    {3_500, 2_000},
    {7_500, 5_000},
    {12_500, 10_000},
    {17_500, 15_000},
    {25_000, 20_000},
    {45_000, 30_000},
    {90_000, 60_000},
    {210_000, 120_000},
    {450_000, 300_000},
    {750_000, 600_000},
    {1_050_000, 900_000},
    {1_500_000, 1_200_000},
    {2_700_000, 1_800_000},
    {5_400_000, 3_600_000},
    {9_000_000, 7_200_000},
    {16_200_000, 10_800_000},
    {27_000_000, 21_600_000},
    {39_600_000, 43_200_000},
    {604_800_000, 86_400_000},
    {1_814_400_000, 604_800_000},
    {3_628_800_000L, 2_592_000_000L}
  };

  private static long roundInterval(double ms) {
    for (long[] step : ROUNDING) {
      if (ms < step[0]) {
        return step[1];
      }
    }
    return 31_536_000_000L;
  }

  /** A dashboard time such as {@code now-6h} or {@code now}, as Grafana reads it. */
  static Instant relative(String expression, Instant now) {
    Matcher m = RELATIVE.matcher(expression);
    if (!m.matches()) {
      throw new IllegalArgumentException("unsupported time expression " + expression);
    }
    if (m.group(1) == null) {
      return now;
    }
    long n = Long.parseLong(m.group(1));
    var utc = now.atOffset(ZoneOffset.UTC);
    java.time.OffsetDateTime from =
        switch (m.group(2)) {
          case "s" -> utc.minusSeconds(n);
          case "m" -> utc.minusMinutes(n);
          case "h" -> utc.minusHours(n);
          case "d" -> utc.minusDays(n);
          case "w" -> utc.minusWeeks(n);
          case "M" -> utc.minusMonths(n);
          default -> utc.minusYears(n);
        };
    return from.toInstant();
  }

  /**
   * Go's {@code %v} of a float64: the shortest digits that round-trip, in exponent form from 1e+06
   * (so 30 days is {@code 2.592e+06}), as Grafana writes seconds into plain-PostgreSQL {@code
   * $__timeGroup}.
   */
  static String goFloat(double value) {
    BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      BigDecimal mantissa = shortest.movePointLeft(exponent).stripTrailingZeros();
      String sign = exponent < 0 ? "-" : "+";
      int abs = Math.abs(exponent);
      return mantissa.toPlainString() + "e" + sign + (abs < 10 ? "0" : "") + abs;
    }
    return shortest.toPlainString();
  }
}
