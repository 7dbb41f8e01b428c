package dev.argus.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run reports: requests per second, the latency percentiles of its
 * "Latency Distribution" block (in milliseconds), and the requests that did not succeed.
 */
record WrkResult(
    double requestsPerSecond, double p50Millis, double p99Millis, long requests, long failures) {

  private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /** Parses wrk's text output; fails with the output quoted when it is not what wrk prints. */
  static WrkResult parse(String output) {
    long failures = 0;
    Matcher non2xx = NON_2XX.matcher(output);
    if (non2xx.find()) {
      failures += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET_ERRORS.matcher(output);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        failures += Long.parseLong(socket.group(i));
      }
    }
    return new WrkResult(
        Double.parseDouble(required(REQUESTS_PER_SECOND, output, "Requests/sec")),
        percentileMillis(output, "50"),
        percentileMillis(output, "99"),
        Long.parseLong(required(TOTAL, output, "the request total")),
        failures);
  }

  private static double percentileMillis(String output, String percent) {
    Matcher m =
        Pattern.compile("(?m)^\\s+" + percent + "(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$")
            .matcher(output);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "wrk printed no " + percent + "% latency (was it run with --latency?):\n" + output);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000.0;
      case "ms" -> value;
      case "s" -> value * 1000.0;
      default -> value * 60_000.0;
    };
  }

  private static String required(Pattern pattern, String output, String what) {
    Matcher m = pattern.matcher(output);
    if (!m.find()) {
      throw new IllegalArgumentException("wrk printed no " + what + ":\n" + output);
    }
    return m.group(1);
  }
}
