package dev.argus.processor.sink;

import dev.argus.processor.system.ArgusKafkaProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sink's two lanes (see {@link SinkLane}): readings, and events with statuses. */
@Configuration(proxyBeanMethods = false)
class SinkConfiguration {

  @Bean
  TelemetrySink readingsSink(
      ArgusKafkaProperties kafka, SinkProperties settings, DataSource dataSource) {
    return new TelemetrySink(kafka, settings, dataSource, SinkLane.readings(settings.groupId()));
  }

  @Bean
  TelemetrySink eventsSink(
      ArgusKafkaProperties kafka, SinkProperties settings, DataSource dataSource) {
    return new TelemetrySink(kafka, settings, dataSource, SinkLane.events(settings.groupId()));
  }
}
