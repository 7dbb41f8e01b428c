package dev.argus.api.system;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The api's own Kafka setting, beside the shared {@code argus.kafka.*} ones.
 *
 * @param sendTimeout {@code ARGUS_API_KAFKA_SEND_TIMEOUT}: how long a synchronous send (a manual
 *     poll command) may wait for the broker before the request answers 503
 */
@ConfigurationProperties("argus.api.kafka")
public record ApiKafkaProperties(Duration sendTimeout) {

  public ApiKafkaProperties {
    Durations.requirePositive(
        sendTimeout, "argus.api.kafka.send-timeout (ARGUS_API_KAFKA_SEND_TIMEOUT)", "5s");
  }
}
