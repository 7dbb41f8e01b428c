package dev.argus.api.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Kafka cluster is, bound from {@code argus.kafka.*}. The api publishes configuration
 * (through the outbox relay) and manual-poll commands, and reads events to send alerts.
 *
 * @param bootstrapServers {@code ARGUS_KAFKA_BOOTSTRAP_SERVERS}, e.g. {@code localhost:9092}
 * @param replicationFactor {@code ARGUS_KAFKA_REPLICATION_FACTOR} of the topics the api creates
 * @param sendTimeout {@code ARGUS_API_KAFKA_SEND_TIMEOUT}: how long a synchronous send (a manual
 *     poll command) may wait for the broker before the request answers 503
 */
@ConfigurationProperties("argus.kafka")
public record ArgusKafkaProperties(
    String bootstrapServers, short replicationFactor, Duration sendTimeout) {

  public ArgusKafkaProperties {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(
          "argus.kafka.bootstrap-servers (ARGUS_KAFKA_BOOTSTRAP_SERVERS) must name at least one"
              + " broker, e.g. localhost:9092");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "argus.kafka.replication-factor (ARGUS_KAFKA_REPLICATION_FACTOR) must be at least 1,"
              + " was "
              + replicationFactor);
    }
    if (sendTimeout == null || sendTimeout.isNegative() || sendTimeout.isZero()) {
      throw new IllegalArgumentException(
          "argus.kafka.send-timeout (ARGUS_API_KAFKA_SEND_TIMEOUT) must be a positive duration,"
              + " e.g. 5s; was "
              + sendTimeout);
    }
  }
}
