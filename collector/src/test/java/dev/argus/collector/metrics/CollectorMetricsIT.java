package dev.argus.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.argus.collector.CollectorApplication;
import dev.argus.contract.Topics;
import dev.argus.contract.metrics.Exposition;
import dev.argus.contract.metrics.MetricConventions;
import dev.argus.contract.testing.UpsdProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The collector as it runs in production, scraped over HTTP on its own metrics port while it polls
 * a real upsd and a server that is down: polls by outcome, the records the broker acknowledged, the
 * producers' own metrics and the JVM show on {@code /metrics}, every Argus name following
 * Prometheus' conventions.
 */
class CollectorMetricsIT {

  private static final String POWER = Topics.READINGS_POWER.name();

  private final HttpClient http = HttpClient.newHttpClient();
  private EmbeddedKafkaKraftBroker broker;
  private UpsdProcess upsd;
  private ConfigurableApplicationContext collector;
  private int port;

  @BeforeEach
  void start() throws IOException {
    assumeThat(UpsdProcess.available()).as("NUT (nut-server) is installed").isTrue();
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    upsd = UpsdProcess.start(Path.of("target"), Map.of("ups.status", "OL", "ups.load", "30"));
    port = freePort();
    collector =
        new SpringApplicationBuilder(CollectorApplication.class)
            .run(
                "--argus.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--argus.collector.collector-id=collector-metrics-it",
                "--argus.collector.poll-interval=1s",
                "--argus.collector.devices=nut://"
                    + UpsdProcess.USER
                    + ":"
                    + UpsdProcess.PASSWORD
                    + "@127.0.0.1:"
                    + upsd.port()
                    + "/sim?id=ups-up,nut://127.0.0.1:"
                    + freePort()
                    + "/sim?id=ups-down",
                "--argus.metrics.port=" + port,
                "--argus.metrics.bind-address=127.0.0.1");
  }

  @AfterEach
  void stop() {
    if (collector != null) {
      collector.close();
    }
    if (upsd != null) {
      upsd.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void pollsAndSentReadingsShowOnMetrics() throws Exception {
    // When the collector has polled both devices and the broker acknowledged the readings
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Exposition scrape = scrape();
              assertThat(
                      scrape.value(
                          "argus_polls_total", Map.of("kind", "power", "outcome", "success")))
                  .hasValueSatisfying(polls -> assertThat(polls).isGreaterThanOrEqualTo(1));
              assertThat(
                      scrape.value(
                          "argus_polls_total", Map.of("kind", "power", "outcome", "failure")))
                  .hasValueSatisfying(polls -> assertThat(polls).isGreaterThanOrEqualTo(1));
              assertThat(scrape.value("argus_readings_sent_total", Map.of("topic", POWER)))
                  .hasValueSatisfying(sent -> assertThat(sent).isGreaterThanOrEqualTo(2));
            });

    // Then nothing failed to send, kinds that never ran show 0, and the producer and the JVM
    // report too
    Exposition scrape = scrape();
    assertThat(scrape.value("argus_send_failures_total", Map.of("topic", POWER))).contains(0.0);
    assertThat(scrape.value("argus_polls_total", Map.of("kind", "llm", "outcome", "success")))
        .contains(0.0);
    assertThat(scrape.families())
        .extracting(Exposition.Family::name)
        .contains("jvm_memory_used_bytes")
        .anyMatch(name -> name.startsWith("kafka_producer_record_send"));
    assertThat(MetricConventions.violations(scrape)).isEmpty();
  }

  private Exposition scrape() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Exposition.parse(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
