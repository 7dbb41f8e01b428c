package dev.argus.bench.faults;

import dev.argus.contract.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a whole topic as a consumer of the pipeline would ({@code read_committed}: records of
 * aborted transactions are skipped) and keeps the natural key of every record that passes a filter.
 * The database's primary keys make a doubled row impossible there, so the topics are where a
 * doubled record (a producer retry, a transaction replayed after a crash) would show.
 */
final class TopicRecords {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private TopicRecords() {}

  static <V, K> List<K> keys(
      String bootstrap, Topic<String, V> topic, Predicate<V> mine, Function<V, K> key) {
    List<K> keys = new ArrayList<>();
    forEach(
        bootstrap,
        topic,
        READ_TIMEOUT,
        value -> {
          if (mine.test(value)) {
            keys.add(key.apply(value));
          }
        });
    return keys;
  }

  /**
   * Hands every committed value of the topic, from its beginning to the end it had when the read
   * began, to {@code each} (the soak counts millions of records without keeping them).
   */
  static <V> void forEach(
      String bootstrap, Topic<String, V> topic, Duration timeout, Consumer<V> each) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "argus-faults-count");
    try (var consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Could not read " + topic.name() + " to its end within " + timeout);
        }
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null) {
            each.accept(record.value());
          }
        }
      }
    }
  }
}
