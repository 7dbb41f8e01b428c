package dev.argus.processor.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Kafka cluster is.
 *
 * @param bootstrapServers {@code ARGUS_KAFKA_BOOTSTRAP_SERVERS}, e.g. {@code localhost:9092}
 * @param replicationFactor {@code ARGUS_KAFKA_REPLICATION_FACTOR} for the topics this service
 *     creates, including Kafka Streams' changelogs
 */
@ConfigurationProperties("argus.kafka")
public record ArgusKafkaProperties(String bootstrapServers, short replicationFactor) {

  public ArgusKafkaProperties {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(
          "ARGUS_KAFKA_BOOTSTRAP_SERVERS must name at least one broker, e.g. localhost:9092");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "ARGUS_KAFKA_REPLICATION_FACTOR must be at least 1, was " + replicationFactor);
    }
  }
}
