package dev.argus.processor.system.metrics;

import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.contract.metrics.ConsumerLagGauge;
import dev.argus.processor.sink.SinkLane;
import dev.argus.processor.sink.SinkProperties;
import dev.argus.processor.streams.StreamsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processor's own meters beside Boot's: dead letters and the lag of its consumer groups. */
@Configuration(proxyBeanMethods = false)
class ProcessorMetricsConfiguration {

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
