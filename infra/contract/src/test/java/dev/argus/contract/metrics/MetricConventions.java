package dev.argus.contract.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prometheus' naming conventions for the metrics Argus defines (those named {@code argus_...}):
 * snake_case, base units in the name ({@code _seconds}, {@code _bytes}, never {@code _ms} or {@code
 * _minutes}), counters and only counters ending in {@code _total}, summaries and histograms naming
 * their unit. Every family needs a help text.
 */
public final class MetricConventions {

  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)*");
  private static final Pattern NOT_A_BASE_UNIT =
      Pattern.compile(
          ".*_(?:ms|millis|milliseconds|us|microseconds|ns|nanoseconds|minutes|hours|days"
              + "|kb|kilobytes|mb|megabytes|gb|gigabytes|kwh|kilowatts)(?:_total)?");
  private static final Pattern UNIT_SUFFIX =
      Pattern.compile(".*_(?:seconds|bytes|records|watts|volts|celsius|percent|usd|ratio)");

  private MetricConventions() {}

  /** What breaks the conventions among the {@code argus_} families; empty when nothing does. */
  public static List<String> violations(Exposition exposition) {
    List<String> problems = new ArrayList<>();
    for (Exposition.Family family : exposition.families()) {
      String name = family.name();
      if (!name.startsWith("argus_")) {
        continue;
      }
      if (!SNAKE_CASE.matcher(name).matches()) {
        problems.add(name + " is not snake_case");
      }
      if (NOT_A_BASE_UNIT.matcher(name).matches()) {
        problems.add(name + " names a unit that is not a base unit (seconds, bytes)");
      }
      boolean total = name.endsWith("_total");
      if (family.type().equals("counter") && !total) {
        problems.add(name + " is a counter and does not end in _total");
      }
      if (!family.type().equals("counter") && total) {
        problems.add(name + " ends in _total and is a " + family.type());
      }
      if ((family.type().equals("summary") || family.type().equals("histogram"))
          && !UNIT_SUFFIX.matcher(name).matches()) {
        problems.add(name + " is a " + family.type() + " without a unit in its name");
      }
      if (family.help().isBlank()) {
        problems.add(name + " has no help text");
      }
    }
    for (Exposition.Sample sample : exposition.samples()) {
      if (sample.name().startsWith("argus_") && owner(exposition, sample.name()) == null) {
        problems.add(sample.name() + " has no # TYPE");
      }
    }
    return problems;
  }

  private static Exposition.Family owner(Exposition exposition, String sample) {
    for (String suffix : List.of("", "_count", "_sum", "_bucket")) {
      if (sample.endsWith(suffix)) {
        String family = sample.substring(0, sample.length() - suffix.length());
        if (exposition.family(family).isPresent()) {
          return exposition.family(family).get();
        }
      }
    }
    return null;
  }
}
