package dev.argus.collector.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The collector's own meters beside Boot's. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class CollectorMetricsConfiguration {

  @Bean
  PollCount pollCount(MeterRegistry registry) {
    return new PollCount(registry);
  }
}
