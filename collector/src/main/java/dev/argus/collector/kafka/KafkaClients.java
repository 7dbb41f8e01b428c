package dev.argus.collector.kafka;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.kafka.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Creates the collector's Kafka clients (producers, the config and command readers). None of them
 * connects when it is made; the catalog's topics are created by {@link BrokerStartup}.
 */
public final class KafkaClients {

  /** The consumer group of every collector's LLM job reader. */
  public static final String LLM_JOB_GROUP = "argus-collector-llm";

  private final KafkaSettings settings;
  private final ProducerSettings producerSettings;
  private final String clientIdPrefix;
  private final MeterRegistry registry;

  public KafkaClients(KafkaSettings settings, String collectorId) {
    this(settings, collectorId, ProducerSettings.defaults(), new CompositeMeterRegistry());
  }

  /**
   * @param registry where the publishers count what they send and bind their producers' metrics
   */
  public KafkaClients(
      KafkaSettings settings,
      String collectorId,
      ProducerSettings producerSettings,
      MeterRegistry registry) {
    this.settings = settings;
    this.producerSettings = producerSettings;
    this.clientIdPrefix = "argus-collector-" + collectorId;
    this.registry = registry;
  }

  /** The admin client id of this collector's topic creation. */
  public String adminClientId() {
    return clientIdPrefix + "-admin";
  }

  /**
   * A producer for one topic, with its serdes. Idempotent with {@code acks=all} so retries neither
   * lose nor duplicate readings; a short linger batches the readings of one cycle. A record is kept
   * until the broker acknowledges it, for up to the delivery timeout ({@link ProducerSettings}, 24
   * h by default), so a broker outage loses nothing while the bounded buffer has room; once it is
   * full a send waits at most {@code max.block.ms} and then counts as failed, so the poll loop
   * never stalls for long. The producer is made at the first send, after {@link BrokerStartup}
   * found the broker: made earlier, it would try to connect (and log each failure) all the while
   * start-up waits for an unreachable broker.
   */
  public <K, V> TopicPublisher<K, V> publisher(Topic<K, V> topic) {
    return publisher(topic, Map.of());
  }

  /**
   * A {@link #publisher} for records with camera frames: {@code max.request.size} is {@link
   * Topics#CAMERA_MAX_MESSAGE_BYTES}, which the camera topics accept (the default 1 MB would refuse
   * a reading of several JPEGs).
   */
  public <K, V> TopicPublisher<K, V> largeRecordPublisher(Topic<K, V> topic) {
    return publisher(
        topic, Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.CAMERA_MAX_MESSAGE_BYTES));
  }

  private <K, V> TopicPublisher<K, V> publisher(Topic<K, V> topic, Map<String, Object> overrides) {
    Map<String, Object> config = settings.producerBaseline(clientIdPrefix + "-" + topic.name());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        (int) producerSettings.deliveryTimeout().toMillis());
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, producerSettings.bufferMemory().toBytes());
    // send() blocks the poll cycle while it waits for metadata or for room in a full buffer; keep
    // that short.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    // By default (rebootstrap, KIP-899) a client that can reach none of the brokers it knows drops
    // its metadata and starts again from bootstrap.servers: during an outage of the whole cluster
    // every send() then waits max.block.ms for the topic's metadata and fails, so the records of
    // the outage were lost and the poll cycle stalled 5 s a reading. Keeping the metadata, a send
    // goes into the buffer and is delivered when the leader is back. The broker names it knows
    // are resolved again at each reconnect, so only a cluster moved to all-new names needs a
    // restart of the collector.
    config.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    config.putAll(overrides);
    return TopicPublisher.lazy(
        topic,
        () ->
            new KafkaProducer<>(
                config, topic.keySerde().serializer(), topic.valueSerde().serializer()),
        new PublisherMeters(registry, topic.name()));
  }

  /**
   * The configuration topic's reader: no consumer group (partitions are assigned by hand, so every
   * collector reads every record), nothing committed, from the beginning.
   */
  public Consumer<String, byte[]> configConsumer() {
    Map<String, Object> config = consumerBase("config");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The command topic's reader, in a consumer group of this collector's own so that every collector
   * sees every command; a new group starts at the end, so old commands are not run.
   */
  public Consumer<String, byte[]> commandConsumer() {
    Map<String, Object> config = consumerBase("commands");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, commandGroupId());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The LLM job reader: in the one group all collectors share ({@link #LLM_JOB_GROUP}), so each job
   * is run by one of them; offsets committed by hand once a job has finished; a new group starts at
   * the earliest job, so none sent before any collector ran is lost. One record per poll: the
   * reader runs one job at a time, and takes the next only after committing the last. Cooperative
   * rebalancing moves only the partitions that must move when a collector joins or leaves, so a
   * running job's partition mostly stays where it is.
   */
  public Consumer<String, byte[]> llmJobConsumer() {
    Map<String, Object> config = consumerBase("llm-jobs");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, LLM_JOB_GROUP);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    config.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** {@code argus-collector-<collector id>-commands}. */
  public String commandGroupId() {
    return clientIdPrefix + "-commands";
  }

  // Values are read as bytes and deserialized per record, so that one malformed record is
  // counted and skipped instead of failing the whole poll.
  private Map<String, Object> consumerBase(String purpose) {
    return settings.consumerBaseline(clientIdPrefix + "-" + purpose);
  }
}
