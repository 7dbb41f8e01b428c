package dev.argus.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The exposition of device samples, parsed back line by line with the 0.0.4 grammar (name, label
 * set with escaped values, value), so escaping and naming are checked, not just substrings.
 */
class PowerMetricsTest {

  /** {@code name{label="value",...} value}; a label value may hold \\, \" and \n escapes. */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n"
              + "]|\\\\[\\\\\"n])*\",?)*)})? (\\S+)");

  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");

  @Test
  void everySeriesParsesAndLabelValuesAreEscaped() throws IOException {
    // Given: one UPS on battery, and a device with an awkward id and no snapshot
    var ups =
        new DeviceSample(
            "ups-main",
            450.0,
            55.0,
            80.0,
            1200.0,
            230.0,
            null,
            "OB DISCHRG",
            12340.5,
            Instant.parse("2026-05-27T10:00:00Z"));
    var odd = new DeviceSample("odd\"id\\x", null, null, null, null, null, null, null, null, null);

    // When
    Map<String, Double> series = parse(render(List.of(ups, odd)));

    // Then
    assertThat(series)
        .containsEntry("argus_ups_power_watts{device_id=ups-main}", 450.0)
        .containsEntry("argus_ups_load_percent{device_id=ups-main}", 55.0)
        .containsEntry("argus_ups_battery_charge_percent{device_id=ups-main}", 80.0)
        .containsEntry("argus_ups_battery_runtime_seconds{device_id=ups-main}", 1200.0)
        .containsEntry("argus_ups_input_voltage_volts{device_id=ups-main}", 230.0)
        .containsEntry("argus_ups_status{device_id=ups-main,flag=OB}", 1.0)
        .containsEntry("argus_ups_status{device_id=ups-main,flag=DISCHRG}", 1.0)
        .containsEntry("argus_ups_status{device_id=ups-main,flag=OL}", 0.0)
        .containsEntry("argus_energy_wh_total{device_id=ups-main}", 12340.5)
        .containsEntry("argus_device_last_seen_timestamp_seconds{device_id=ups-main}", 1.779876E9)
        .doesNotContainKey("argus_ups_temperature_celsius{device_id=ups-main}");
    assertThat(
            series.keySet().stream()
                .filter(k -> k.startsWith("argus_ups_status{device_id=ups-main,")))
        .hasSize(PowerMetrics.STATUS_FLAGS.size());
    assertThat(series.keySet()).noneMatch(k -> k.contains("odd"));
    String text = render(List.of(ups, odd));
    assertThat(text)
        .contains("# TYPE argus_energy_wh_total counter", "# TYPE argus_ups_status gauge");
  }

  @Test
  void labelValuesWithQuotesAndBackslashesAreEscaped() throws IOException {
    var odd = new DeviceSample("odd\"id\\x", 1.0, null, null, null, null, null, null, null, null);

    String text = render(List.of(odd));

    assertThat(text).contains("argus_ups_power_watts{device_id=\"odd\\\"id\\\\x\"} 1.0");
    assertThat(parse(text)).containsEntry("argus_ups_power_watts{device_id=odd\"id\\x}", 1.0);
  }

  private static String render(List<DeviceSample> samples) throws IOException {
    var out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create()
        .write(out, PowerMetrics.of(samples), EscapingScheme.UNDERSCORE_ESCAPING);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every sample line as "name{label=unescaped value,...}" to its value; fails on a bad line. */
  static Map<String, Double> parse(String exposition) {
    Map<String, Double> series = new HashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as("a valid sample line: %s", line).isTrue();
      StringBuilder key = new StringBuilder(sample.group(1));
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        StringBuilder labels = new StringBuilder();
        while (label.find()) {
          String value =
              label.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
          labels
              .append(labels.isEmpty() ? "" : ",")
              .append(label.group(1))
              .append('=')
              .append(value);
        }
        key.append('{').append(labels).append('}');
      }
      series.put(key.toString(), Double.parseDouble(sample.group(3)));
    }
    return series;
  }
}
