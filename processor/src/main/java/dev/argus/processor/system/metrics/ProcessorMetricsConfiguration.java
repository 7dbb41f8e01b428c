package dev.argus.processor.system.metrics;

import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.contract.metrics.ConsumerLagGauge;
import dev.argus.contract.metrics.MetricsEndpoint;
import dev.argus.processor.sink.SinkLane;
import dev.argus.processor.sink.SinkProperties;
import dev.argus.processor.streams.StreamsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processor's own meters beside Boot's: dead letters and the lag of its consumer groups. */
@Configuration(proxyBeanMethods = false)
class ProcessorMetricsConfiguration {

  private static final List<String> DETAIL_PREFIXES =
      List.of(
          "kafka.stream.task.",
          "kafka.stream.processor.node.",
          "kafka.stream.state.",
          "kafka.stream.topic.");

  /**
   * Keeps the Streams client's metrics at the thread and client level (commit, poll and process
   * latency and rate, the embedded clients' totals) and leaves out the per-task,
   * per-processor-node, per-state-store and per-partition detail: thousands of series for this
   * topology (about 6,000 measured on the local stack), which the consumer lag and the thread level
   * already sum up.
   */
  @Bean
  MeterFilter streamsDetailLeftOut() {
    return MeterFilter.deny(
        id ->
            DETAIL_PREFIXES.stream().anyMatch(prefix -> id.getName().startsWith(prefix))
                || (id.getName().startsWith("kafka.") && id.getTag("partition") != null));
  }

  /** {@code GET /metrics} on {@code ARGUS_METRICS_PORT}, before Streams and the sink start. */
  @Bean
  MetricsEndpoint metricsEndpoint(MetricsProperties settings, PrometheusMeterRegistry registry) {
    return new MetricsEndpoint(settings.toSettings(), registry);
  }

  @Bean
  DeadLetterCount deadLetterCount(MeterRegistry registry) {
    return new DeadLetterCount(registry);
  }

  /** The Streams application (its id is its group) and the sink's three lanes. */
  @Bean
  ConsumerLagGauge consumerLag(
      MeterRegistry registry,
      KafkaSettings kafka,
      StreamsProperties streams,
      SinkProperties sink,
      MetricsProperties settings) {
    return ConsumerLagGauge.start(
        registry,
        kafka,
        "argus-processor-lag",
        List.of(
            streams.applicationId(),
            SinkLane.readings(sink.groupId()).groupId(),
            SinkLane.events(sink.groupId()).groupId(),
            SinkLane.camera(sink.groupId()).groupId()),
        settings.lagInterval());
  }
}
