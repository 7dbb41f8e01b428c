package dev.argus.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.collector.kafka.KafkaClients;
import dev.argus.collector.testing.TopicRecords;
import dev.argus.contract.Topic;
import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.LlmJob;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmMonitoringConfig;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.llm.LlmProviderConfig;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.testing.TestSecrets;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two whole collectors in the shared LLM job group against an in-JVM Kafka broker and simulated
 * providers on loopback, configured through {@code argus.config} as the api does it (the API key
 * encrypted): jobs produced to {@code argus.llm.jobs} are each run by one of them, readings arrive
 * on {@code argus.readings.llm} and benchmark events on {@code argus.llm.benchmark}, and a job
 * whose collector stops before its end is run by the other.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmJobsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String API_KEY = "sk-live-secret-of-the-it";

  private static EmbeddedKafkaKraftBroker broker;
  private static Admin admin;
  private static SimulatedProviderServer openai;
  private static SimulatedProviderServer ollama;

  @BeforeAll
  static void startBrokerAndProviders() throws Exception {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
    openai =
        SimulatedProviderServer.builder(WireProtocol.OPENAI)
            .apiKey(API_KEY)
            .model("gpt-sim", timed(50, 5, 6))
            .model("slow-sim", timed(4_000, 5, 4))
            .start();
    ollama =
        SimulatedProviderServer.builder(WireProtocol.OLLAMA)
            .model("llama3:8b", timed(30, 5, 5))
            .start();
  }

  @AfterAll
  static void stop() {
    if (openai != null) {
      openai.close();
    }
    if (ollama != null) {
      ollama.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  private static ModelBehaviour timed(long firstTokenMs, long interTokenMs, int tokens) {
    return ModelBehaviour.defaults()
        .withFirstTokenDelay(Duration.ofMillis(firstTokenMs))
        .withInterTokenDelay(Duration.ofMillis(interTokenMs))
        .withAnswerTokens(tokens);
  }

  private static ConfigurableApplicationContext collector(String id) {
    return new SpringApplicationBuilder(CollectorApplication.class)
        .run(
            "--argus.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "--argus.secrets.keys=" + TestSecrets.KEY,
            "--argus.collector.collector-id=" + id,
            "--argus.collector.poll-interval=1h");
  }

  @Test
  void twoCollectorsShareTheJobsAndAStoppedOneLeavesItsJobToTheOther(CapturedOutput output)
      throws Exception {
    try (var producer = new RawProducer();
        var readings = new TopicRecords<>(broker.getBrokersAsString(), Topics.READINGS_LLM);
        var benchmark = new TopicRecords<>(broker.getBrokersAsString(), Topics.LLM_BENCHMARK)) {
      // Given providers (the OpenAI-compatible one's key encrypted as the api publishes it) and
      // models on argus.config, monitoring settings, and an alert rule the collectors pass over
      producer.config(
          ConfigKeys.llmProvider("p-openai"),
          ConfigEntry.of(
              new LlmProviderConfig(
                  "p-openai",
                  "openai_compatible",
                  "Simulated OpenAI",
                  true,
                  openai.baseUrl(),
                  null,
                  Map.of(
                      "api_key",
                      TestSecrets.CIPHER.encrypt(
                          API_KEY, SecretContext.llmProviderField("p-openai", "api_key"))),
                  Map.of())));
      producer.config(
          ConfigKeys.llmProvider("p-ollama"),
          ConfigEntry.of(
              new LlmProviderConfig(
                  "p-ollama", "ollama", "Ollama", true, ollama.baseUrl(), null, null, null)));
      producer.config(
          ConfigKeys.llmModel("m-gpt"),
          ConfigEntry.of(model("m-gpt", "p-openai", "gpt-sim", true)));
      producer.config(
          ConfigKeys.llmModel("m-llama"),
          ConfigEntry.of(model("m-llama", "p-ollama", "llama3:8b", true)));
      producer.config(
          ConfigKeys.llmModel("m-slow"),
          ConfigEntry.of(model("m-slow", "p-openai", "slow-sim", false)));
      producer.config(
          ConfigKeys.LLM_MONITORING,
          ConfigEntry.of(
              new LlmMonitoringConfig(true, 15, "health_check", 2_000, 10_000, 32, 30, 2)));
      producer.sendRaw(Topics.CONFIG.name(), 0, ConfigKeys.llmRule("r-1"), null);

      // When two collectors run
      ConfigurableApplicationContext a = collector("collector-a");
      try (ConfigurableApplicationContext b = collector("collector-b")) {
        Map<String, Set<Integer>> assignment =
            awaitAssignment(Set.of("collector-a", "collector-b"));

        // ... and a malformed job and a monitoring run on every partition are produced
        producer.sendRaw(
            Topics.LLM_JOBS.name(), 0, "junk", "{not json".getBytes(StandardCharsets.UTF_8));
        int partitions = Topics.LLM_JOBS.partitions();
        for (int p = 0; p < partitions; p++) {
          producer.job(p, LlmJob.monitoringRun("job-" + p, "run-" + p, Instant.now()));
        }

        // Then every run probes both monitored models, with the decrypted key (else HTTP 401)
        for (int p = 0; p < partitions; p++) {
          String runId = "run-" + p;
          readings.first(r -> r.value().runId().equals(runId) && r.key().equals("m-gpt"));
          readings.first(r -> r.value().runId().equals(runId) && r.key().equals("m-llama"));
        }
        List<LlmProbeReading> monitoring =
            readings.seen().stream().map(ConsumerRecord::value).toList();
        assertThat(monitoring).allSatisfy(r -> assertThat(r.success()).as(r.error()).isTrue());
        assertThat(monitoring).allMatch(r -> r.iteration() == null && r.ttftMs() >= 30);
        // ... each job by the collector its partition belongs to, so both ran some
        assertThat(monitoring.stream().map(LlmProbeReading::collectorId).distinct())
            .containsExactlyInAnyOrder("collector-a", "collector-b");
        for (LlmProbeReading reading : monitoring) {
          int partition = Integer.parseInt(reading.runId().substring("run-".length()));
          assertThat(assignment.get(reading.collectorId())).contains(partition);
        }

        // When a benchmark is produced
        producer.job(
            1,
            new LlmJob(
                "job-bench",
                LlmJob.BENCHMARK,
                "bench-1",
                Instant.now(),
                List.of("m-gpt", "m-llama"),
                "short_answer",
                32,
                3,
                2,
                1));

        // Then its events arrive in order, under the run's key: started, six results, completed
        benchmark.first(r -> r.value().type().equals(BenchmarkEvent.COMPLETED));
        List<BenchmarkEvent> events =
            benchmark.seen().stream()
                .filter(r -> r.key().equals("bench-1"))
                .map(ConsumerRecord::value)
                .toList();
        assertThat(events.getFirst().type()).isEqualTo(BenchmarkEvent.STARTED);
        assertThat(events.getFirst().total()).isEqualTo(6);
        assertThat(events.getLast().completed()).isEqualTo(6);
        List<BenchmarkEvent> results =
            events.stream().filter(e -> e.type().equals(BenchmarkEvent.RESULT)).toList();
        assertThat(results)
            .hasSize(6)
            .extracting(BenchmarkEvent::completed)
            .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(results).allSatisfy(e -> assertThat(e.result().success()).isTrue());

        // ... and once every job is committed, none ran twice
        awaitEverythingCommitted();
        Map<String, Long> perRun =
            readings.seen().stream()
                .map(ConsumerRecord::value)
                .collect(Collectors.groupingBy(LlmProbeReading::runId, Collectors.counting()));
        assertThat(perRun).hasSize(partitions).allSatisfy((run, n) -> assertThat(n).isEqualTo(2));
        assertThat(
                benchmark.seen().stream()
                    .filter(r -> r.value().type().equals(BenchmarkEvent.STARTED)))
            .hasSize(1);
        assertThat(readings.seen()).allMatch(r -> r.key().equals(r.value().modelId()));

        // When collector-a stops while it probes a slow model
        int partitionOfA = assignment.get("collector-a").iterator().next();
        producer.job(
            partitionOfA,
            new LlmJob(
                "job-slow",
                LlmJob.MONITORING_RUN,
                "run-slow",
                Instant.now(),
                List.of("m-slow"),
                null,
                0,
                0,
                0,
                0));
        await().atMost(PATIENCE).until(() -> openai.requests("slow-sim") == 1);
        a.close();

        // Then collector-b runs the job, and collector-a published nothing of it
        LlmProbeReading slow = readings.first(r -> r.value().runId().equals("run-slow"));
        assertThat(slow.collectorId()).isEqualTo("collector-b");
        assertThat(slow.success()).as(slow.error()).isTrue();
        awaitEverythingCommitted();
        assertThat(readings.seen())
            .filteredOn(r -> r.value().runId().equals("run-slow"))
            .hasSize(1);
        assertThat(openai.requests("slow-sim")).isEqualTo(2);
      } finally {
        a.close();
      }
    }
    assertThat(output.getAll())
        .contains("Skipped LLM job argus.llm.jobs-0@0 (key junk)")
        .doesNotContain(API_KEY);
  }

  private static LlmModelConfig model(
      String id, String providerId, String modelId, boolean monitored) {
    return new LlmModelConfig(id, providerId, modelId, null, monitored, true, null, null, null);
  }

  /** Waits until each collector has partitions of the job group; their partitions by id. */
  private static Map<String, Set<Integer>> awaitAssignment(Set<String> collectors) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              ConsumerGroupDescription group =
                  admin
                      .describeConsumerGroups(List.of(KafkaClients.LLM_JOB_GROUP))
                      .all()
                      .get()
                      .get(KafkaClients.LLM_JOB_GROUP);
              Map<String, Set<Integer>> byCollector = new HashMap<>();
              for (MemberDescription member : group.members()) {
                for (String collector : collectors) {
                  if (member.clientId().equals("argus-collector-" + collector + "-llm-jobs")) {
                    byCollector.put(
                        collector,
                        member.assignment().topicPartitions().stream()
                            .map(TopicPartition::partition)
                            .collect(Collectors.toSet()));
                  }
                }
              }
              int assigned = byCollector.values().stream().mapToInt(Set::size).sum();
              return byCollector.size() == collectors.size()
                      && byCollector.values().stream().noneMatch(Set::isEmpty)
                      && assigned == Topics.LLM_JOBS.partitions()
                  ? byCollector
                  : null;
            },
            value -> value != null);
  }

  /** Waits until the group's committed offsets reach the end of every partition of the jobs. */
  private static void awaitEverythingCommitted() {
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
              for (int p = 0; p < Topics.LLM_JOBS.partitions(); p++) {
                latest.put(new TopicPartition(Topics.LLM_JOBS.name(), p), OffsetSpec.latest());
              }
              var ends = admin.listOffsets(latest).all().get();
              Map<TopicPartition, OffsetAndMetadata> committed =
                  admin
                      .listConsumerGroupOffsets(KafkaClients.LLM_JOB_GROUP)
                      .partitionsToOffsetAndMetadata()
                      .get();
              return ends.entrySet().stream()
                  .allMatch(
                      end -> {
                        OffsetAndMetadata offset = committed.get(end.getKey());
                        long at = offset == null ? 0 : offset.offset();
                        return at >= end.getValue().offset();
                      });
            });
  }

  /** Publishes configuration records and jobs as the api does. */
  private static final class RawProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer());

    void config(String key, ConfigEntry entry) throws Exception {
      sendRaw(Topics.CONFIG.name(), 0, key, serialize(Topics.CONFIG, entry));
    }

    void job(int partition, LlmJob job) throws Exception {
      sendRaw(Topics.LLM_JOBS.name(), partition, job.jobId(), serialize(Topics.LLM_JOBS, job));
    }

    void sendRaw(String topic, int partition, String key, byte[] value) throws Exception {
      producer
          .send(new ProducerRecord<>(topic, partition, key.getBytes(StandardCharsets.UTF_8), value))
          .get();
    }

    private static <V> byte[] serialize(Topic<String, V> topic, V value) {
      return topic.valueSerde().serializer().serialize(topic.name(), value);
    }

    @Override
    public void close() {
      producer.close();
    }
  }
}
