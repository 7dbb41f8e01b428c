package dev.argus.collector.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Kafka cluster is and how new topics are replicated.
 *
 * @param bootstrapServers {@code ARGUS_KAFKA_BOOTSTRAP_SERVERS}, e.g. {@code localhost:9092}
 * @param replicationFactor {@code ARGUS_KAFKA_REPLICATION_FACTOR}, for topics created at start-up
 */
@ConfigurationProperties("argus.kafka")
public record KafkaSettings(String bootstrapServers, short replicationFactor) {

  public KafkaSettings {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(
          "argus.kafka.bootstrap-servers (ARGUS_KAFKA_BOOTSTRAP_SERVERS) is required, e.g."
              + " localhost:9092");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "argus.kafka.replication-factor (ARGUS_KAFKA_REPLICATION_FACTOR) must be at least 1, was "
              + replicationFactor);
    }
  }
}
