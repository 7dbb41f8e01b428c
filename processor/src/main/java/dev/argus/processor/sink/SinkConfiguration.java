package dev.argus.processor.sink;

import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.processor.system.GroupMembership;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sink's three lanes (see {@link SinkLane}): readings, events with statuses, and cameras. They
 * share one schema migration. Beside them, the retentions of the LLM probe history and of camera
 * events.
 */
@Configuration(proxyBeanMethods = false)
class SinkConfiguration {

  @Bean
  SchemaOnce sinkSchema(DataSource dataSource) {
    return new SchemaOnce(dataSource);
  }

  @Bean
  LlmProbeRetention llmProbeRetention(DataSource dataSource, LlmHistoryProperties history) {
    return new LlmProbeRetention(dataSource, history.historyRetention(), Clock.systemUTC());
  }

  @Bean
  CameraEventRetention cameraEventRetention(DataSource dataSource) {
    return new CameraEventRetention(dataSource, Clock.systemUTC());
  }

  @Bean
  TelemetrySink readingsSink(
      KafkaSettings kafka,
      SinkProperties settings,
      GroupMembership membership,
      DataSource dataSource,
      SchemaOnce schema,
      MeterRegistry registry) {
    return new TelemetrySink(
        kafka,
        settings,
        membership,
        dataSource,
        SinkLane.readings(settings.groupId()),
        schema,
        registry);
  }

  @Bean
  TelemetrySink eventsSink(
      KafkaSettings kafka,
      SinkProperties settings,
      GroupMembership membership,
      DataSource dataSource,
      SchemaOnce schema,
      MeterRegistry registry) {
    return new TelemetrySink(
        kafka,
        settings,
        membership,
        dataSource,
        SinkLane.events(settings.groupId()),
        schema,
        registry);
  }

  @Bean
  TelemetrySink cameraSink(
      KafkaSettings kafka,
      SinkProperties settings,
      GroupMembership membership,
      DataSource dataSource,
      SchemaOnce schema,
      MeterRegistry registry) {
    return new TelemetrySink(
        kafka,
        settings,
        membership,
        dataSource,
        SinkLane.camera(settings.groupId()),
        schema,
        registry);
  }
}
