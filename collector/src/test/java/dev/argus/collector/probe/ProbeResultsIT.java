package dev.argus.collector.probe;

import static dev.argus.collector.probe.TargetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.argus.collector.CollectorApplication;
import dev.argus.contract.Topics;
import dev.argus.contract.probe.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The collector as the service starts it, against an in-JVM KRaft broker, probing real loopback
 * targets (an HTTP server, a listening socket, a closed port); the results are read back from
 * {@code argus.readings.probe} with a plain consumer.
 */
class ProbeResultsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static EmbeddedKafkaKraftBroker broker;
  private static HttpServer http;

  @BeforeAll
  static void startBrokerAndServers() throws IOException {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/health",
        exchange -> {
          byte[] body = "status: green".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    http.start();
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.stop(0);
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void publishesResultsOfUpAndDownTargets() throws Exception {
    try (var listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ConfigurableApplicationContext collector =
            new SpringApplicationBuilder(CollectorApplication.class)
                .run(
                    "--argus.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--argus.collector.collector-id=collector-probe-it",
                    "--argus.probe.max-in-flight=4");
        var readings = new ProbeReadings()) {
      // Given four targets handed to the running collector, as the config-topic consumer does
      var acknowledged = Instant.parse("2025-05-01T10:00:00Z");
      int closedPort = closedPort();
      String healthUrl = "http://127.0.0.1:" + http.getAddress().getPort() + "/health";
      collector
          .getBean(ProbeScheduler.class)
          .targetsChanged(
              List.of(
                  target("http", healthUrl)
                      .id(11)
                      .name("Health page")
                      .keyword("green")
                      .everySeconds(1)
                      .failureThreshold(2)
                      .alertRepeatMinutes(15)
                      .build(),
                  target("http", healthUrl)
                      .id(12)
                      .name("Wrong keyword")
                      .keyword("red")
                      .everySeconds(1)
                      .build(),
                  target("tcp", "127.0.0.1:" + listening.getLocalPort())
                      .id(13)
                      .name("Socket")
                      .everySeconds(1)
                      .build(),
                  target("tcp", "127.0.0.1:" + closedPort)
                      .id(14)
                      .name("Closed port")
                      .everySeconds(1)
                      .acknowledgedAt(acknowledged)
                      .build()));

      // Then each target's results arrive, keyed by target id, with the target's settings
      ProbeResult health = readings.first("11");
      assertThat(health.up()).isTrue();
      assertThat(health.targetName()).isEqualTo("Health page");
      assertThat(health.targetType()).isEqualTo("http");
      assertThat(health.collectorId()).isEqualTo("collector-probe-it");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.responseTimeMillis()).isPositive();
      assertThat(health.failureThreshold()).isEqualTo(2);
      assertThat(health.alertRepeatMinutes()).isEqualTo(15);
      assertThat(health.error()).isNull();

      ProbeResult wrongKeyword = readings.first("12");
      assertThat(wrongKeyword.up()).isFalse();
      assertThat(wrongKeyword.statusCode()).isEqualTo(200);
      assertThat(wrongKeyword.error()).isEqualTo("keyword 'red' not found in the response body");

      assertThat(readings.first("13").up()).isTrue();

      ProbeResult closed = readings.first("14");
      assertThat(closed.up()).isFalse();
      assertThat(closed.error())
          .isEqualTo("cannot connect to 127.0.0.1:" + closedPort + ": Connection refused");
      assertThat(closed.acknowledgedAt()).isEqualTo(acknowledged);
      assertThat(closed.failureThreshold()).isEqualTo(3);
    }
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** argus.readings.probe from the beginning, read with the topic's own serdes. */
  private static final class ProbeReadings implements AutoCloseable {

    private final KafkaConsumer<String, ProbeResult> consumer;
    private final List<ConsumerRecord<String, ProbeResult>> seen = new CopyOnWriteArrayList<>();

    ProbeReadings() {
      consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  broker.getBrokersAsString(),
                  ConsumerConfig.GROUP_ID_CONFIG,
                  "it-" + UUID.randomUUID(),
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest"),
              Topics.READINGS_PROBE.keySerde().deserializer(),
              Topics.READINGS_PROBE.valueSerde().deserializer());
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.READINGS_PROBE.name()).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    ProbeResult first(String key) {
      return await()
          .atMost(PATIENCE)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream()
                    .filter(r -> r.key().equals(key))
                    .findFirst()
                    .map(ConsumerRecord::value)
                    .orElse(null);
              },
              value -> value != null);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
