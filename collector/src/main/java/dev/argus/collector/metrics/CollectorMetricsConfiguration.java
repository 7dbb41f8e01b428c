package dev.argus.collector.metrics;

import dev.argus.contract.metrics.MetricsEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

  /**
   * {@code GET /metrics} on {@code ARGUS_METRICS_PORT}, before the schedulers and workers start.
   */
  @Bean
  MetricsEndpoint metricsEndpoint(MetricsProperties settings, PrometheusMeterRegistry registry) {
    return new MetricsEndpoint(settings.toSettings(), registry);
  }
}
