package dev.argus.processor.streams;

import dev.argus.contract.Topics;
import dev.argus.processor.system.GroupMembership;
import dev.argus.processor.system.metrics.DeadLetterCount;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of the processor topology, kept out of the pure builders. */
public final class StreamsRuntimeConfig {

  private StreamsRuntimeConfig() {}

  /** With the default group membership (see {@link GroupMembership#defaults()}). */
  public static Properties properties(
      String bootstrapServers,
      short replicationFactor,
      StreamsProperties streams,
      AtomicLong malformedRecords) {
    return properties(
        bootstrapServers, replicationFactor, streams, GroupMembership.defaults(), malformedRecords);
  }

  /**
   * @param membership session timeout and static membership of the main consumer, the only one of
   *     the application's consumers that joins the group
   * @param malformedRecords counts records skipped because they could not be read
   */
  public static Properties properties(
      String bootstrapServers,
      short replicationFactor,
      StreamsProperties streams,
      GroupMembership membership,
      AtomicLong malformedRecords) {
    return properties(
        bootstrapServers,
        replicationFactor,
        streams,
        membership,
        malformedRecords,
        DeadLetterCount.unregistered());
  }

  /**
   * @param deadLetters counts, for {@code /metrics}, what the error handlers dead-letter
   */
  public static Properties properties(
      String bootstrapServers,
      short replicationFactor,
      StreamsProperties streams,
      GroupMembership membership,
      AtomicLong malformedRecords,
      DeadLetterCount deadLetters) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, streams.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
    // State, offsets and the events a reading produced commit atomically: a crash never loses
    // an event nor sends it twice, and the rules' "once per episode" survives restarts.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, streams.commitInterval().toMillis());
    props.put(StreamsConfig.STATE_DIR_CONFIG, streams.stateDir());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        CountingDeserializationExceptionHandler.class);
    props.put(CountingDeserializationExceptionHandler.COUNTER_CONFIG, malformedRecords);
    props.put(DeadLetterCount.CONFIG, deadLetters);
    // A bug in a rule for one odd reading must not stop event derivation for every device.
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        ContinueProcessingExceptionHandler.class);
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        OversizedRecordExceptionHandler.class);
    // Camera readings and the events made of them carry their frames: up to the topics' 8 MB a
    // record. The producer may send such a record; every consumer (main, restore, global) may
    // fetch one, and a fetch stays within one such record (below Kafka's 50 MB default).
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        Topics.CAMERA_MAX_MESSAGE_BYTES);
    props.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
        Topics.CAMERA_MAX_MESSAGE_BYTES);
    props.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG),
        Topics.CAMERA_MAX_MESSAGE_BYTES);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTER.name());
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    props.put(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, streams.rocksDbMemory().toBytes());
    // Streams appends "-<thread>" to a group.instance.id, so one id serves all its threads.
    membership
        .consumerSettings()
        .forEach((key, value) -> props.put(StreamsConfig.mainConsumerPrefix(key), value));
    return props;
  }
}
