package dev.argus.processor.system.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.contract.Topics;
import dev.argus.contract.metrics.Exposition;
import dev.argus.contract.metrics.MetricConventions;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.testing.EmbeddedDatabase;
import dev.argus.processor.ProcessorApplication;
import dev.argus.processor.streams.ProcessorStreams;
import dev.argus.processor.testing.ReadingBuilder;
import dev.argus.processor.testing.TestKafka;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The processor as it runs in production, scraped over HTTP on its own metrics port after real
 * traffic: a reading and a poison record go in, and the sink's batches, the dead letters of the
 * topology and of the sink, the consumer lag, the Streams client and the JVM show on {@code
 * /metrics}, every Argus name following Prometheus' conventions.
 */
class ProcessorMetricsIT {

  private static final String READINGS = Topics.READINGS_POWER.name();

  private final HttpClient http = HttpClient.newHttpClient();
  private TestKafka kafka;
  private Path stateDir;
  private ConfigurableApplicationContext processor;
  private int port;

  @BeforeEach
  void start() throws IOException {
    kafka = TestKafka.start();
    stateDir = Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
    port = freePort();
    processor =
        new SpringApplicationBuilder(ProcessorApplication.class)
            .run(
                "--argus.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--argus.db.url=" + EmbeddedDatabase.freshDatabase(),
                "--argus.db.user=postgres",
                "--argus.streams.state-dir=" + stateDir,
                "--argus.metrics.port=" + port,
                "--argus.metrics.bind-address=127.0.0.1",
                "--argus.metrics.lag-interval=1s");
    ProcessorStreams streams = processor.getBean(ProcessorStreams.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> streams.state() == KafkaStreams.State.RUNNING);
  }

  @AfterEach
  void stop() {
    if (processor != null) {
      processor.close();
    }
    kafka.close();
    FileSystemUtils.deleteRecursively(stateDir.toFile());
  }

  @Test
  void aPoisonRecordAndAStoredBatchShowOnMetrics() throws Exception {
    // Given: before any traffic, no dead letter has been counted
    Exposition before = scrape();
    assertThat(before.samples("argus_dead_letters_total")).isEmpty();
    assertThat(before.value("argus_sink_retries_total", Map.of("lane", "sink-readings")))
        .contains(0.0);

    // When: a UPS reading and a poison record arrive
    kafka.send(
        Topics.READINGS_POWER,
        List.of(ReadingBuilder.ups("ups-metrics").at(Instant.now()).status("OL").build()),
        PowerReading::deviceId);
    kafka.sendRaw(
        READINGS,
        "ups-metrics".getBytes(StandardCharsets.UTF_8),
        "{garbage".getBytes(StandardCharsets.UTF_8));

    // Then: the topology and the sink each dead-letter it once, counted by source topic
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Exposition scrape = scrape();
              assertThat(
                      scrape.value(
                          "argus_dead_letters_total",
                          Map.of("topic", READINGS, "consumer", "argus-sink")))
                  .contains(1.0);
              assertThat(
                      scrape.value(
                          "argus_dead_letters_total",
                          Map.of("topic", READINGS, "consumer", "argus-processor")))
                  .contains(1.0);
            });
    // And the readings lane stored its batches: both records, in one batch or more
    Exposition scrape = scrape();
    double batches =
        scrape
            .value("argus_sink_batch_records_count", Map.of("lane", "sink-readings"))
            .orElseThrow();
    double records =
        scrape.value("argus_sink_batch_records_sum", Map.of("lane", "sink-readings")).orElseThrow();
    assertThat(batches).isBetween(1.0, records);
    assertThat(records).isGreaterThanOrEqualTo(2.0);
    assertThat(scrape.value("argus_sink_batch_seconds_count", Map.of("lane", "sink-readings")))
        .contains(batches);
    assertThat(scrape.value("argus_sink_batch_seconds_sum", Map.of("lane", "sink-readings")))
        .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
    // And the sink's group and the Streams application have read the topic to its end: their lag
    // comes down to 0 once each has committed
    for (String group : List.of("argus-sink", "argus-processor")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          scrape()
                              .value(
                                  "argus_kafka_consumer_lag_records",
                                  Map.of("group", group, "topic", READINGS)))
                      .contains(0.0));
    }
    // And the Streams client's metrics and the JVM's are there
    Exposition all = scrape();
    assertThat(all.families())
        .extracting(Exposition.Family::name)
        .anyMatch(name -> name.startsWith("kafka_stream_") && name.contains("commit_latency"))
        .contains("jvm_memory_used_bytes", "jvm_threads_live_threads")
        // The per-store, per-task and per-partition detail is left out
        .noneMatch(name -> name.startsWith("kafka_stream_state_"))
        .noneMatch(name -> name.startsWith("kafka_stream_task_"));
    assertThat(all.samples()).noneMatch(sample -> sample.labels().containsKey("partition"));
    assertThat(MetricConventions.violations(all)).isEmpty();
  }

  private Exposition scrape() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    return Exposition.parse(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
