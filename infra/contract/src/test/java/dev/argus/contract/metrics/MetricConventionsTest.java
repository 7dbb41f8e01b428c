package dev.argus.contract.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The convention check and the strict reading of a scrape, on Micrometer's own exposition. */
class MetricConventionsTest {

  @Test
  void micrometerMetersNamedTheArgusWayPass() {
    // Given: the kinds of meters the services register, named as they name them
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("argus.dead.letters")
        .description("Records sent to the dead-letter topic")
        .tag("topic", "argus.readings")
        .register(registry)
        .increment(2);
    Timer.builder("argus.sink.batch")
        .description("Time to store a batch")
        .register(registry)
        .record(Duration.ofMillis(250));
    DistributionSummary.builder("argus.sink.batch.records")
        .description("Records in a stored batch")
        .baseUnit("records")
        .register(registry)
        .record(40);
    Gauge.builder("argus.outbox.pending", () -> 3)
        .description("Outbox records not yet published")
        .baseUnit("records")
        .register(registry);

    // When
    Exposition scrape = Exposition.parse(registry.scrape());

    // Then
    assertThat(MetricConventions.violations(scrape)).isEmpty();
    assertThat(scrape.value("argus_dead_letters_total", Map.of("topic", "argus.readings")))
        .contains(2.0);
    assertThat(scrape.sum("argus_sink_batch_seconds_sum")).contains(0.25);
    assertThat(scrape.sum("argus_sink_batch_records_count")).contains(1.0);
    assertThat(scrape.sum("argus_outbox_pending_records")).contains(3.0);
  }

  @Test
  void namesAgainstTheConventionsAreEachNamed() {
    // Given: a counter without _total, a gauge with it, a millisecond gauge, camelCase
    Exposition scrape =
        Exposition.parse(
            """
            # HELP argus_polls Polls
            # TYPE argus_polls counter
            argus_polls 1
            # HELP argus_lag_total Lag
            # TYPE argus_lag_total gauge
            argus_lag_total 2
            # HELP argus_ttft_ms Time to first token
            # TYPE argus_ttft_ms gauge
            argus_ttft_ms 120
            # HELP argus_batchSize Batch
            # TYPE argus_batchSize gauge
            argus_batchSize 3
            argus_untyped_records 4
            """);

    // When / Then
    assertThat(MetricConventions.violations(scrape))
        .containsExactlyInAnyOrder(
            "argus_polls is a counter and does not end in _total",
            "argus_lag_total ends in _total and is a gauge",
            "argus_ttft_ms names a unit that is not a base unit (seconds, bytes)",
            "argus_batchSize is not snake_case",
            "argus_untyped_records has no # TYPE");
  }

  @Test
  void aLineOutsideTheTextFormatIsRefused() {
    assertThatThrownBy(() -> Exposition.parse("argus_up{camera=front} 1\n"))
        .hasMessageContaining("argus_up{camera=front} 1");
    assertThatThrownBy(() -> Exposition.parse("<html>Not found</html>\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
