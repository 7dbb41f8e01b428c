package dev.argus.api.metrics;

import dev.argus.api.system.ApiConsumerGroups;
import dev.argus.api.system.KafkaClients;
import dev.argus.contract.metrics.ConsumerLagGauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The api's consumer lag: the groups that commit what they have read. */
@Configuration(proxyBeanMethods = false)
class ApiMetricsConfiguration {

  @Bean
  ConsumerLagGauge consumerLag(MeterRegistry registry, KafkaClients kafka) {
    return ConsumerLagGauge.start(
        registry,
        kafka.settings(),
        "argus-api-lag",
        ApiConsumerGroups.COMMITTING,
        Duration.ofSeconds(15));
  }
}
