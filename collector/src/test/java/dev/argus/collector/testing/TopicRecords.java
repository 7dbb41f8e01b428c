package dev.argus.collector.testing;

import static org.awaitility.Awaitility.await;

import dev.argus.contract.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Everything on one topic from the beginning, read with the topic's own serdes, for ITs. */
public final class TopicRecords<K, V> implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final KafkaConsumer<K, V> consumer;
  private final List<ConsumerRecord<K, V>> seen = new CopyOnWriteArrayList<>();

  public TopicRecords(String bootstrapServers, Topic<K, V> topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic.name()).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** The value of the first record that matches, waiting up to 30 s for it. */
  public V first(Predicate<ConsumerRecord<K, V>> matching) {
    return first(matching, PATIENCE);
  }

  /** The value of the first record that matches, waiting for it if need be. */
  public V first(Predicate<ConsumerRecord<K, V>> matching, Duration patience) {
    return await()
        .atMost(patience)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
              return seen.stream()
                  .filter(matching)
                  .findFirst()
                  .map(ConsumerRecord::value)
                  .orElse(null);
            },
            value -> value != null);
  }

  /** Every record read so far, after reading all that has arrived. */
  public List<ConsumerRecord<K, V>> seen() {
    var fetched = consumer.poll(Duration.ofMillis(500));
    while (!fetched.isEmpty()) {
      fetched.forEach(seen::add);
      fetched = consumer.poll(Duration.ofMillis(500));
    }
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
