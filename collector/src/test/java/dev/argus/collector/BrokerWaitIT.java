package dev.argus.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.collector.kafka.BrokerStartup;
import dev.argus.contract.Topics;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.testing.PortRelay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole collector started while no broker listens at its address: it keeps waiting (attempts of
 * 2 s here instead of 30 s, pauses of at most 1 s) where it used to stop after one failed attempt,
 * says so without a connection warning of each producer, and publishes its heartbeat by itself once
 * that port opens onto a real broker (a relay to an in-JVM broker, which picks its own port).
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokerWaitIT {

  private ConfigurableApplicationContext collector;
  private EmbeddedKafkaKraftBroker broker;
  private PortRelay relay;

  @AfterEach
  void stopEverything() throws IOException {
    if (collector != null) {
      collector.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void waitsForAnUnreachableBrokerAndCarriesOnWhenItAppears(CapturedOutput output)
      throws Exception {
    // Given a port where no broker listens
    int port = freePort();

    // When the collector starts against it
    AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
    CompletableFuture<ConfigurableApplicationContext> started =
        CompletableFuture.supplyAsync(
            () ->
                new SpringApplicationBuilder(CollectorApplication.class)
                    .initializers(context::set)
                    .run(
                        "--argus.kafka.bootstrap-servers=127.0.0.1:" + port,
                        "--argus.kafka.startup.attempt-timeout=2s",
                        "--argus.kafka.startup.max-backoff=1s",
                        "--argus.collector.collector-id=waiting-collector",
                        "--argus.collector.heartbeat-interval=1s"));

    // Then, after more failed attempts than the one that used to end it, it is still waiting
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> output.getOut().contains("attempt 4 failed"));
    assertThat(started).isNotDone();
    assertThat(output.getOut())
        .contains(
            "Waiting for the Kafka broker at 127.0.0.1:"
                + port
                + " (ARGUS_KAFKA_BOOTSTRAP_SERVERS) to create the topics: attempt 1 failed")
        .doesNotContain("Application run failed")
        // The producers are made at their first send: none dials the missing broker meanwhile.
        .doesNotContain("[Producer clientId=");
    BrokerStartup startup = context.get().getBean(BrokerStartup.class);
    assertThat(startup.waitingFor())
        .hasValueSatisfying(waiting -> assertThat(waiting).contains("127.0.0.1:" + port));
    ApplicationAvailability availability = context.get().getBean(ApplicationAvailability.class);
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

    // When a broker starts and that port opens onto it
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    String[] hostAndPort = broker.getBrokersAsString().split(",")[0].split(":");
    relay =
        PortRelay.open(
            port, new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])));

    // Then the collector finishes starting and publishes its heartbeat
    collector = started.get(3, TimeUnit.MINUTES);
    assertThat(startup.waitingFor()).isEmpty();
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    assertThat(heartbeatOf("waiting-collector").collectorId()).isEqualTo("waiting-collector");
  }

  private CollectorHeartbeat heartbeatOf(String collectorId) {
    var topic = Topics.COLLECTOR_STATUS;
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID()),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      AtomicReference<CollectorHeartbeat> found = new AtomicReference<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        record -> {
                          if (collectorId.equals(record.key())) {
                            found.set(record.value());
                          }
                        });
                return found.get() != null;
              });
      return found.get();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
