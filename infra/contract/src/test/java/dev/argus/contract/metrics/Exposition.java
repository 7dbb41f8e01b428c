package dev.argus.contract.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape in the Prometheus text format 0.0.4, read strictly: every line is a {@code # HELP}, a
 * {@code # TYPE} or a sample, and anything else fails the test that reads it. The services' metric
 * ITs scrape over HTTP and check values and names with it ({@link MetricConventions}).
 */
public final class Exposition {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped|info)");
  private static final Pattern SAMPLE =
      Pattern.compile("(" + NAME + ")(?:\\{(.*)\\})? ([-+]?(?:[0-9.eE+-]+|NaN|Inf))(?: -?[0-9]+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  /** One metric family: its name as in {@code # TYPE}, its type and help. */
  public record Family(String name, String type, String help) {}

  /** One sample line: its name, labels and value. */
  public record Sample(String name, Map<String, String> labels, double value) {

    public String label(String label) {
      return labels.get(label);
    }
  }

  private final Map<String, Family> families;
  private final List<Sample> samples;

  private Exposition(Map<String, Family> families, List<Sample> samples) {
    this.families = families;
    this.samples = samples;
  }

  /** Reads the body of a scrape; throws naming the first line that is not the text format. */
  public static Exposition parse(String body) {
    Map<String, String> helps = new LinkedHashMap<>();
    Map<String, Family> families = new LinkedHashMap<>();
    List<Sample> samples = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = HELP.matcher(line)).matches()) {
        helps.put(m.group(1), m.group(2));
      } else if ((m = TYPE.matcher(line)).matches()) {
        // The writer leaves # HELP out for a meter without a description.
        families.put(
            m.group(1), new Family(m.group(1), m.group(2), helps.getOrDefault(m.group(1), "")));
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        samples.add(new Sample(m.group(1), labels(m.group(2), line), value(m.group(3))));
      } else {
        throw new IllegalArgumentException("Not the Prometheus text format: " + line);
      }
    }
    return new Exposition(families, samples);
  }

  private static Map<String, String> labels(String text, String line) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return labels;
    }
    Matcher m = LABEL.matcher(text);
    int end = 0;
    while (m.find() && m.start() == end) {
      labels.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
      end = m.end();
    }
    if (end != text.length()) {
      throw new IllegalArgumentException("Bad labels in: " + line);
    }
    return labels;
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  public List<Family> families() {
    return List.copyOf(families.values());
  }

  public Optional<Family> family(String name) {
    return Optional.ofNullable(families.get(name));
  }

  public List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** The samples named {@code name} (e.g. {@code argus_dead_letters_total}). */
  public List<Sample> samples(String name) {
    return samples.stream().filter(sample -> sample.name().equals(name)).toList();
  }

  /** The value of the one sample named {@code name} with these labels (others may be present). */
  public Optional<Double> value(String name, Map<String, String> labels) {
    return samples(name).stream()
        .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
        .map(Sample::value)
        .reduce(Double::sum);
  }

  /** The sum of every sample named {@code name}, across labels; empty when there is none. */
  public Optional<Double> sum(String name) {
    return value(name, Map.of());
  }
}
