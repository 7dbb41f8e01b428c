package dev.argus.stack.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.jsonschema.TopicSchemaFiles;
import dev.argus.contract.jsonschema.TopicSchemaValidator;
import dev.argus.stack.LocalStack;
import dev.argus.stack.StackOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The records the running services produce conform to the committed topic schemas: the whole local
 * stack with the demo fleet (UPSes, targets, LLM endpoints with a benchmark, a camera) runs for a
 * while and a manual poll is triggered; then every record on every topic with a schema is read from
 * the beginning (read_committed, as the services read) and validated against its topic's schema,
 * closed to fields the schema does not name ({@link TopicSchemaValidator}).
 *
 * <p>The demo has no traffic on some topics (no Protect controller); they are listed in the output,
 * and only the topics the demo surely feeds must have records. Dead letters (records a service
 * refused to read) are listed with their reason too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractsIT {

  private static final String API_KEY = "it-contracts-admin-key-0123456789abcdef0123";

  /** Topics the demo feeds within its first minutes; the test waits for a record on each. */
  private static final Set<Topic<?, ?>> FED_BY_THE_DEMO =
      Set.of(
          Topics.READINGS_POWER,
          Topics.READINGS_PROBE,
          Topics.EVENTS,
          Topics.ENERGY,
          Topics.COLLECTOR_STATUS,
          Topics.TARGET_STATUS,
          Topics.CONFIG,
          Topics.COMMANDS,
          Topics.READINGS_LLM,
          Topics.LLM_JOBS,
          Topics.LLM_STATUS,
          Topics.LLM_BENCHMARK,
          Topics.LLM_BENCHMARK_STATS,
          Topics.READINGS_CAMERA,
          Topics.CAMERA_STATUS,
          Topics.CAMERA_EVENTS,
          Topics.CAMERA_DESCRIPTIONS);

  /** Long enough for the demo's scripted power events, a benchmark and a camera's motion. */
  private static final Duration WAIT_FOR_TRAFFIC = Duration.ofMinutes(4);

  /** Per topic, at most this many violations are listed (one broken writer repeats itself). */
  private static final int EXAMPLES_PER_TOPIC = 5;

  private final TopicSchemaValidator validator = TopicSchemaValidator.committed();
  private final List<String> deadLetters = new ArrayList<>();
  private LocalStack stack;

  @BeforeAll
  void startTheStackWithTheDemoFleet() throws Exception {
    stack =
        LocalStack.start(
            StackOptions.builder(
                    Path.of("../..").toAbsolutePath().normalize(),
                    Path.of("target", "it-contracts").toAbsolutePath())
                .reset(true)
                .apiPort(freePort())
                .kafkaPort(freePort())
                .controllerPort(freePort())
                .dbPort(freePort())
                .externalDatabase(null, null, null)
                .demoFleet(true)
                .demoNutPort(freePort())
                .demoLlmPort(freePort())
                .demoCameraPort(freePort())
                .durableDatabase(false)
                .serviceEnvironment(Map.of("API_KEY", API_KEY))
                .build(),
            System.out);
  }

  @AfterAll
  void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyRecordTheServicesProducedConformsToItsTopicsSchema() {
    // A manual poll is the only writer of argus.commands.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(() -> triggerAPoll() == 202);

    Map<String, Integer> seen = new TreeMap<>();
    Map<String, List<String>> violations = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Topic<?, ?> topic : TopicSchemaFiles.topicsWithSchemas()) {
        seen.put(topic.name(), 0);
        for (int p = 0; p < topic.partitions(); p++) {
          partitions.add(new TopicPartition(topic.name(), p));
        }
      }
      // Not validated (raw bytes), but a record a service refused is worth seeing here.
      partitions.add(new TopicPartition(Topics.DEAD_LETTER.name(), 0));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);

      Instant deadline = Instant.now().plus(WAIT_FOR_TRAFFIC);
      while (Instant.now().isBefore(deadline) && !everyFedTopicSeen(seen)) {
        read(consumer, seen, violations);
      }
      // What was written meanwhile, up to the end offsets of now.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
          && Instant.now().isBefore(deadline.plus(Duration.ofMinutes(1)))) {
        read(consumer, seen, violations);
      }
    }

    System.out.println("Records validated per topic: " + seen);
    System.out.println("Dead letters: " + deadLetters);
    System.out.println(
        "Topics with no records seen: "
            + seen.entrySet().stream()
                .filter(e -> e.getValue() == 0)
                .map(Map.Entry::getKey)
                .toList());
    assertThat(violations)
        .as("records that break their topic's schema (docs/contracts/schemas)")
        .isEmpty();
    Set<String> silent =
        FED_BY_THE_DEMO.stream()
            .map(Topic::name)
            .filter(name -> seen.get(name) == 0)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(silent)
        .as("topics the demo feeds that had no record within " + WAIT_FOR_TRAFFIC)
        .isEmpty();
  }

  private void read(
      KafkaConsumer<byte[], byte[]> consumer,
      Map<String, Integer> seen,
      Map<String, List<String>> violations) {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
      if (record.topic().equals(Topics.DEAD_LETTER.name())) {
        Header reason = record.headers().lastHeader("__streams.errors.message");
        deadLetters.add(
            reason == null ? "(no reason)" : new String(reason.value(), StandardCharsets.UTF_8));
        continue;
      }
      if (record.value() == null) {
        continue; // a tombstone: a deleted key of a compacted topic
      }
      seen.merge(record.topic(), 1, Integer::sum);
      List<String> found = validator.violations(record.topic(), record.value());
      if (!found.isEmpty()) {
        List<String> examples = violations.computeIfAbsent(record.topic(), t -> new ArrayList<>());
        if (examples.size() < EXAMPLES_PER_TOPIC) {
          examples.add(
              "partition " + record.partition() + " offset " + record.offset() + ": " + found);
        }
      }
    }
  }

  private static boolean everyFedTopicSeen(Map<String, Integer> seen) {
    return FED_BY_THE_DEMO.stream().allMatch(topic -> seen.get(topic.name()) > 0);
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrap(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            // Camera readings and events carry their frames.
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            Topics.CAMERA_MAX_MESSAGE_BYTES),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private int triggerAPoll() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/api/trigger"))
            .timeout(Duration.ofSeconds(10))
            .header("X-Api-Key", API_KEY)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
