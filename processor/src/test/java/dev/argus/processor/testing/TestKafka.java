package dev.argus.processor.testing;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.processor.system.KafkaTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node KRaft broker in this JVM with the catalog's topics, created the way the
 * service creates them, plus plain clients to produce and read test records.
 */
public final class TestKafka implements AutoCloseable {

  private final EmbeddedKafkaKraftBroker broker;

  private TestKafka(EmbeddedKafkaKraftBroker broker) {
    this.broker = broker;
  }

  public static TestKafka start() {
    var broker = new EmbeddedKafkaKraftBroker(1, 1);
    // One broker: the transaction log (for exactly-once Streams) must live with one replica.
    broker.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    var kafka = new TestKafka(broker);
    KafkaTopics.provision(kafka.properties());
    return kafka;
  }

  public String bootstrapServers() {
    return broker.getBrokersAsString();
  }

  public KafkaSettings properties() {
    return new KafkaSettings(bootstrapServers(), (short) 1);
  }

  /** Sends the values keyed by the given function, waiting until the broker has them all. */
  public <V> void send(Topic<String, V> topic, List<V> values, Function<V, String> key) {
    try (var producer =
        new KafkaProducer<>(
            producerConfig(), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      for (V value : values) {
        producer.send(new ProducerRecord<>(topic.name(), key.apply(value), value));
      }
      producer.flush();
    }
  }

  /** Sends raw bytes, e.g. a malformed record. */
  public void sendRaw(String topic, byte[] key, byte[] value) {
    try (var producer =
        new KafkaProducer<>(
            producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value));
      producer.flush();
    }
  }

  /** Every record currently in the topic, read by a fresh consumer group. */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedAtLeast) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (records.size() < expectedAtLeast && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // One more poll, so that records beyond the expected ones are seen too.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }

  /**
   * Whether the consumer group has committed offsets up to the end of every non-empty partition of
   * the topics, i.e. has stored everything there is.
   */
  public boolean caughtUp(String groupId, List<String> topics) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
        description
            .partitions()
            .forEach(
                p ->
                    latest.put(
                        new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
      }
      var ends = admin.listOffsets(latest).all().get();
      return ends.entrySet().stream()
          .filter(end -> end.getValue().offset() > 0)
          .allMatch(
              end -> {
                OffsetAndMetadata offset = committed.get(end.getKey());
                return offset != null && offset.offset() >= end.getValue().offset();
              });
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read offsets of " + groupId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> producerConfig() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers(),
        ProducerConfig.ACKS_CONFIG,
        "all",
        // Camera readings and events with their frames, as the collector sends them.
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        Topics.CAMERA_MAX_MESSAGE_BYTES);
  }

  @Override
  public void close() {
    broker.destroy();
  }
}
