package dev.argus.api.metrics;

import dev.argus.api.system.KafkaClients;
import dev.argus.contract.metrics.ConsumerLagGauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The api's consumer lag: the groups that commit what they have read. */
@Configuration(proxyBeanMethods = false)
class ApiMetricsConfiguration {

  /**
   * The alert deliveries ({@code argus-alerts}) and the camera event describer ({@code
   * argus-describer}), named here as their consumers name them. The live and benchmark feeds read
   * from the end and commit nothing, so they have no lag to show.
   */
  static final List<String> GROUPS = List.of("argus-alerts", "argus-describer");

  @Bean
  ConsumerLagGauge consumerLag(MeterRegistry registry, KafkaClients kafka) {
    return ConsumerLagGauge.start(
        registry, kafka.settings(), "argus-api-lag", GROUPS, Duration.ofSeconds(15));
  }
}
