package dev.argus.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.metrics.Exposition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The consumer lag of the api's groups on {@code /metrics}, read from a real broker: the alert
 * group (its consumer off here) has committed the start of {@code argus.events} and not read the
 * records after it.
 */
class ConsumerLagMetricsIT extends KafkaApiTest {

  private static final String EVENTS = Topics.EVENTS.name();

  @Test
  void theAlertGroupsLagIsWhatItHasNotRead() throws Exception {
    // Given: three records on argus.events, and the alert group's offsets at the topic's start
    api.send("PUT", "/api/config", "{\"enabled_exporters\": [\"postgres\", \"prometheus\"]}");
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < 3; i++) {
        producer.send(
            new ProducerRecord<>(EVENTS, "lag-" + i, "{}".getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
    long expectedLag;
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(EVENTS))
          .allTopicNames()
          .get()
          .get(EVENTS)
          .partitions()
          .forEach(
              partition -> {
                TopicPartition tp = new TopicPartition(EVENTS, partition.partition());
                start.put(tp, new OffsetAndMetadata(0));
                latest.put(tp, OffsetSpec.latest());
              });
      admin.alterConsumerGroupOffsets("argus-alerts", start).all().get();
      expectedLag =
          admin.listOffsets(latest).all().get().values().stream()
              .mapToLong(end -> end.offset())
              .sum();
    }
    assertThat(expectedLag).isGreaterThanOrEqualTo(3);

    // When / Then: the next reading of the lag (every 15 s) shows it
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        scrape()
                            .value(
                                "argus_kafka_consumer_lag_records",
                                Map.of("group", "argus-alerts", "topic", EVENTS)))
                    .contains((double) expectedLag));
  }

  private Exposition scrape() {
    Response response = api.get("/metrics");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return Exposition.parse(response.body());
  }
}
