package dev.argus.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * The floor under the camera event latency: one record's trip producer → broker → consumer on the
 * stack's own broker, with the collector's durability (acks=all, idempotent) and a consumer that,
 * like the api's live feed, is assigned its partition, reads from the end and reads committed.
 * Records are sent one at a time, each after the previous one arrived.
 */
final class KafkaRoundTrip {

  private static final String TOPIC = "argus.bench.roundtrip";

  private KafkaRoundTrip() {}

  /** Milliseconds from {@code send} to the record returned by {@code poll}, per record. */
  static Percentiles measure(String bootstrap, int records, int payloadBytes)
      throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    TopicPartition partition = new TopicPartition(TOPIC, 0);
    Map<Long, Long> arrived = new ConcurrentHashMap<>();
    List<Double> millis = new ArrayList<>();
    try (var producer =
            new KafkaProducer<>(producerProps, new LongSerializer(), new ByteArraySerializer());
        var consumer =
            new KafkaConsumer<>(
                consumerProps, new LongDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(Set.of(partition));
      consumer.seekToEnd(Set.of(partition));
      consumer.position(partition);
      byte[] payload = new byte[payloadBytes];
      // The first few warm the connections and the JIT.
      for (long i = 0; i < records + 5; i++) {
        long sent = System.nanoTime();
        producer.send(new ProducerRecord<>(TOPIC, i, payload));
        long deadline = sent + Duration.ofSeconds(10).toNanos();
        while (!arrived.containsKey(i) && System.nanoTime() < deadline) {
          for (ConsumerRecord<Long, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            arrived.put(record.key(), System.nanoTime());
          }
        }
        if (i >= 5 && arrived.containsKey(i)) {
          millis.add((arrived.get(i) - sent) / 1e6);
        }
      }
    }
    return Percentiles.of(millis);
  }
}
