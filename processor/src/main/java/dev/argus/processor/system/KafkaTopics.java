package dev.argus.processor.system;

import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.kafka.KafkaSettings;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds the Kafka settings every service shares and creates the catalog's topics at start-up.
 * Singletons are initialised before any lifecycle bean starts, so the topology and the sink always
 * find their topics; if the broker cannot be reached the service stops with the provisioner's
 * message instead of running half-connected.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics {

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

  /** {@code argus.kafka.*}, checked as it is bound. */
  @Bean
  KafkaSettings kafkaSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate(KafkaSettings.PREFIX, KafkaSettings.class);
  }

  /** Runs once the settings are bound, before the Streams app and the sink start. */
  @Bean
  InitializingBean catalogTopics(KafkaSettings kafka) {
    return () -> provision(kafka);
  }

  /** Creates the catalog's missing topics; tests call it before they start a topology or sink. */
  public static void provision(KafkaSettings kafka) {
    TopicProvisioner.provisionCatalog(kafka, "argus-processor-admin", ADMIN_TIMEOUT);
  }
}
