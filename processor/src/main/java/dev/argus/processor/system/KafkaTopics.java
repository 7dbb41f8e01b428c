package dev.argus.processor.system;

import dev.argus.contract.BrokerWait;
import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.kafka.BrokerWaitSettings;
import dev.argus.contract.kafka.KafkaSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds the Kafka settings every service shares and creates the catalog's topics at start-up,
 * waiting for a broker that cannot be reached yet ({@link BrokerStartup}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics {

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

  /** {@code argus.kafka.*}, checked as it is bound. */
  @Bean
  KafkaSettings kafkaSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate(KafkaSettings.PREFIX, KafkaSettings.class);
  }

  /** {@code argus.kafka.startup.*}, checked as it is bound. */
  @Bean
  BrokerWaitSettings brokerWaitSettings(Environment environment) {
    return Binder.get(environment)
        .bindOrCreate(BrokerWaitSettings.PREFIX, BrokerWaitSettings.class);
  }

  /** Starts before the Streams app and the sink, and holds them until the topics exist. */
  @Bean
  BrokerStartup brokerStartup(KafkaSettings kafka, BrokerWaitSettings wait) {
    return new BrokerStartup(new BrokerWait(kafka, wait, "argus-processor-admin"));
  }

  /** Creates the catalog's missing topics; tests call it before they start a topology or sink. */
  public static void provision(KafkaSettings kafka) {
    TopicProvisioner.provisionCatalog(kafka, "argus-processor-admin", ADMIN_TIMEOUT);
  }
}
