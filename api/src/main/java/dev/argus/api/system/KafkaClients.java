package dev.argus.api.system;

import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Map;
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

  private final KafkaSettings settings;
  private final Duration sendTimeout;
  private final Duration sessionTimeout;

  KafkaClients(KafkaSettings settings, ApiKafkaProperties api) {
    this.settings = settings;
    this.sendTimeout = api.sendTimeout();
    this.sessionTimeout = api.sessionTimeout();
  }

  public KafkaSettings settings() {
    return settings;
  }

  /** How long a send may wait for the broker ({@code ARGUS_API_KAFKA_SEND_TIMEOUT}). */
  public Duration sendTimeout() {
    return sendTimeout;
  }

  /**
   * Creates the catalog's missing topics.
   *
   * @throws IllegalStateException when the broker cannot be reached within the send timeout
   */
  public void provisionTopics() {
    TopicProvisioner.provisionCatalog(settings, "argus-api-admin", sendTimeout);
  }

  /**
   * A producer of raw JSON values. Idempotent with {@code acks=all}, so a retried send neither
   * loses nor duplicates a record and records of one partition keep their order; {@code send} waits
   * at most the send timeout for metadata, so an absent broker is an error, not a hang.
   */
  public KafkaProducer<String, byte[]> producer(String purpose) {
    int sendTimeoutMs = (int) sendTimeout.toMillis();
    int requestTimeoutMs = Math.max(1_000, sendTimeoutMs);
    Map<String, Object> config = settings.producerBaseline("argus-api-" + purpose);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeoutMs);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
    // delivery.timeout.ms must cover linger + request timeout.
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(30_000, requestTimeoutMs + 1_000));
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * A consumer of raw JSON values in consumer group {@code groupId}, reading committed records only
   * (the processor writes events in transactions), with offsets committed by the caller.
   *
   * @param settings further consumer settings of the caller (e.g. records per poll)
   */
  public KafkaConsumer<String, byte[]> consumer(
      String groupId, String purpose, Map<String, Object> settings) {
    return new KafkaConsumer<>(
        consumerConfig(groupId, purpose, settings),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  Map<String, Object> consumerConfig(String groupId, String purpose, Map<String, Object> settings) {
    Map<String, Object> config = this.settings.consumerBaseline("argus-api-" + purpose);
    // A replica killed without leaving its group keeps its partitions for the session timeout:
    // shorter than Kafka's 45 s, heartbeats every third of it as Kafka advises.
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
    config.put(
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) sessionTimeout.dividedBy(3).toMillis());
    config.putAll(settings);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return config;
  }
}
