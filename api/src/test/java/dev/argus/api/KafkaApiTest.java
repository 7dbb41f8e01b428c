package dev.argus.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RunningApiTest} with a real single-node KRaft broker in this JVM (started once, shared by
 * the subclasses, which share one application context), and a plain consumer to read what the api
 * published. The api creates the topics itself at start, as in production.
 */
public abstract class KafkaApiTest extends RunningApiTest {

  private static final EmbeddedKafkaKraftBroker BROKER = startBroker();

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    registry.add("argus.kafka.bootstrap-servers", BROKER::getBrokersAsString);
  }

  protected static String bootstrapServers() {
    return BROKER.getBrokersAsString();
  }

  /**
   * Reads {@code topic} from the beginning with a fresh consumer until {@code until} holds for the
   * records read so far (or 30 s pass); returns them all.
   */
  protected static List<ConsumerRecord<String, byte[]>> readUntil(
      String topic, Predicate<List<ConsumerRecord<String, byte[]>>> until) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      // Assigned, not subscribed: no consumer group, so no rebalance delay before the first read.
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!until.test(records) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static EmbeddedKafkaKraftBroker startBroker() {
    var broker = new EmbeddedKafkaKraftBroker(1, 1);
    // Topics are created by the api (TopicProvisioner), not by the first producer.
    broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
    return broker;
  }
}
