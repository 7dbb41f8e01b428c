package dev.argus.api.system;

import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.stereotype.Component;

/**
 * Creates the api's Kafka clients. The api must start and serve reads without a broker, so nothing
 * here connects at construction; callers create clients when they need them and retry.
 */
@Component
public class KafkaClients {

  private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final ArgusKafkaProperties properties;

  KafkaClients(ArgusKafkaProperties properties) {
    this.properties = properties;
  }

  public ArgusKafkaProperties properties() {
    return properties;
  }

  /**
   * Creates the catalog's missing topics.
   *
   * @throws IllegalStateException when the broker cannot be reached within the send timeout
   */
  public void provisionTopics() {
    int timeoutMs = (int) Math.max(1_000, properties.sendTimeout().toMillis());
    Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "argus-api-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                timeoutMs));
    try {
      new TopicProvisioner(admin, properties.replicationFactor()).ensure(Topics.all());
    } finally {
      // Without a bound, close waits for the unanswered request's own, longer timeout.
      admin.close(ADMIN_CLOSE_TIMEOUT);
    }
  }

  /**
   * A producer of raw JSON values. Idempotent with {@code acks=all}, so a retried send neither
   * loses nor duplicates a record and records of one partition keep their order; {@code send} waits
   * at most the send timeout for metadata, so an absent broker is an error, not a hang.
   */
  public KafkaProducer<String, byte[]> producer(String purpose) {
    int sendTimeoutMs = (int) properties.sendTimeout().toMillis();
    int requestTimeoutMs = Math.max(1_000, sendTimeoutMs);
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            properties.bootstrapServers(),
            ProducerConfig.CLIENT_ID_CONFIG,
            "argus-api-" + purpose,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            sendTimeoutMs,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            requestTimeoutMs,
            // delivery.timeout.ms must cover linger + request timeout.
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            Math.max(30_000, requestTimeoutMs + 1_000),
            CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG,
            5_000),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  /**
   * A consumer of raw JSON values in consumer group {@code groupId}, reading committed records only
   * (the processor writes events in transactions), with offsets committed by the caller.
   *
   * @param settings further consumer settings of the caller (e.g. records per poll)
   */
  public KafkaConsumer<String, byte[]> consumer(
      String groupId, String purpose, Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "argus-api-" + purpose);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
