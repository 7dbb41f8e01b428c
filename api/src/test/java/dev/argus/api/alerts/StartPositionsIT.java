package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@link StartPositions} on a real broker: a group that starts at the end of its topic ("latest")
 * and has handled nothing yet must not skip what is published while none of its members runs (the
 * only api replica restarted, or one replica killed and its partitions taken over later).
 */
class StartPositionsIT {

  private static final String TOPIC = "start-positions";
  private static final int PARTITIONS = 3;
  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Test
  void whatIsPublishedWhileNoMemberRunsIsReadByTheNextOne() {
    // Given a member of a fresh group that was assigned every partition and read nothing
    String group = "start-positions-group";
    try (KafkaConsumer<String, String> first = consumer(group)) {
      first.subscribe(List.of(TOPIC), new StartPositions(first));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (first.assignment().size() < PARTITIONS && System.nanoTime() < deadline) {
        first.poll(Duration.ofMillis(200));
      }
      assertThat(first.assignment()).hasSize(PARTITIONS);
    }

    // When a record reaches each partition while no member runs, and a new member joins
    try (KafkaProducer<String, String> producer = producer()) {
      for (int partition = 0; partition < PARTITIONS; partition++) {
        producer.send(new ProducerRecord<>(TOPIC, partition, "key", "event-" + partition));
      }
      producer.flush();
    }
    List<String> read = new ArrayList<>();
    try (KafkaConsumer<String, String> next = consumer(group)) {
      next.subscribe(List.of(TOPIC), new StartPositions(next));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.size() < PARTITIONS && System.nanoTime() < deadline) {
        next.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
      }
    }

    // Then it reads them all, although it starts "latest"
    assertThat(read).containsExactlyInAnyOrder("event-0", "event-1", "event-2");
  }

  private static KafkaConsumer<String, String> consumer(String group) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ConsumerConfig.GROUP_ID_CONFIG,
            group,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new StringDeserializer());
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }
}
