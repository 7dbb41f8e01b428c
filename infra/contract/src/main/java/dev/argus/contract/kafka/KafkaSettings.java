package dev.argus.contract.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Where the Kafka cluster is, bound by every service from {@code argus.kafka.*}, and the client
 * settings that every Argus producer and consumer starts from. Each service adds what really
 * differs (the collector batches with lz4; the api bounds how long a send may wait).
 *
 * @param bootstrapServers {@code ARGUS_KAFKA_BOOTSTRAP_SERVERS}, e.g. {@code localhost:9092}
 * @param replicationFactor {@code ARGUS_KAFKA_REPLICATION_FACTOR} of the topics a service creates,
 *     including Kafka Streams' changelogs
 */
public record KafkaSettings(String bootstrapServers, short replicationFactor) {

  /** The prefix every service binds these settings from. */
  public static final String PREFIX = "argus.kafka";

  /** What a reader of a failure is told to check when the cluster cannot be reached. */
  private static final String BOOTSTRAP_SETTING =
      "argus.kafka.bootstrap-servers (ARGUS_KAFKA_BOOTSTRAP_SERVERS)";

  // A broker that is down is tried again at most every 5 s (Kafka's own ceiling is 1 s): soon
  // enough to find it when it comes back, rarely enough not to fill the log while it is away.
  private static final int RECONNECT_BACKOFF_MAX_MS = 5_000;

  public KafkaSettings {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(
          BOOTSTRAP_SETTING + " must name at least one broker, e.g. localhost:9092");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "argus.kafka.replication-factor (ARGUS_KAFKA_REPLICATION_FACTOR) must be at least 1, was "
              + replicationFactor);
    }
  }

  /**
   * The baseline of every Argus producer: idempotent with {@code acks=all}, so that a retried send
   * neither loses nor duplicates a record and the records of one partition keep their order.
   *
   * @return a new, modifiable map for the caller to add its own settings to
   */
  public Map<String, Object> producerBaseline(String clientId) {
    Map<String, Object> config = clientBaseline(clientId);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return config;
  }

  /**
   * The baseline of every Argus consumer: it reads committed records only, since the processor and
   * the api write in transactions and an aborted record must never be seen.
   *
   * @return a new, modifiable map for the caller to add its own settings to
   */
  public Map<String, Object> consumerBaseline(String clientId) {
    Map<String, Object> config = clientBaseline(clientId);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
  }

  private Map<String, Object> clientBaseline(String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
    return config;
  }
}
