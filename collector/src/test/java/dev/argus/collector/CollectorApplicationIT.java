package dev.argus.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argus.collector.testing.SnmpdProcess;
import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.testing.UpsdProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
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
 * The whole collector, started as the service starts, against an in-JVM Kafka broker, a real upsd
 * and a real snmpd; what it publishes is read back with a plain Kafka consumer.
 */
@ExtendWith(OutputCaptureExtension.class)
class CollectorApplicationIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static EmbeddedKafkaKraftBroker broker;
  private static UpsdProcess upsd;
  private static SnmpdProcess snmpd;

  @BeforeAll
  static void startBrokerAndUpsd() {
    assumeTrue(UpsdProcess.available(), "NUT (nut-server) is not installed");
    assumeTrue(SnmpdProcess.available(), "Net-SNMP (snmpd, snmp) is not installed");
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    upsd =
        UpsdProcess.start(
            Path.of("target"),
            Map.of(
                "ups.status",
                "OL",
                "battery.charge",
                "100",
                "ups.load",
                "30",
                "ups.realpower",
                "270"));
    snmpd =
        SnmpdProcess.start(
            Path.of("target"),
            Map.of("1.3.6.1.2.1.33.1.4.1.0", "integer 3", "1.3.6.1.2.1.33.1.2.4.0", "integer 64"));
  }

  @AfterAll
  static void stopBrokerAndUpsd() {
    if (upsd != null) {
      upsd.close();
    }
    if (snmpd != null) {
      snmpd.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void publishesReadingsFailedPollsAndHeartbeatsThenStopsCleanly(CapturedOutput output)
      throws Exception {
    // Given a collector with a UPS (with credentials), a server that is down, and a server whose
    // UPSes are discovered
    int closedPort = closedPort();
    String devices =
        String.join(
            ",",
            "nut://"
                + UpsdProcess.USER
                + ":"
                + UpsdProcess.PASSWORD
                + "@127.0.0.1:"
                + upsd.port()
                + "/sim?id=ups-sim&name=Sim%20UPS",
            "nut://127.0.0.1:" + closedPort + "/sim?id=ups-down",
            "nut://127.0.0.1:" + upsd.port() + "?id=site",
            "snmp://"
                + SnmpdProcess.COMMUNITY
                + "@127.0.0.1:"
                + snmpd.port()
                + "?id=ups-snmp&version=2c");

    // When it runs
    ConfigurableApplicationContext collector =
        new SpringApplicationBuilder(CollectorApplication.class)
            .run(
                "--argus.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--argus.collector.collector-id=collector-it",
                "--argus.collector.poll-interval=1s",
                "--argus.collector.heartbeat-interval=1s",
                "--argus.collector.devices=" + devices);
    var readings = new Records<>(Topics.READINGS_POWER);
    var heartbeats = new Records<>(Topics.COLLECTOR_STATUS);
    try (readings;
        heartbeats) {

      // Then every device gets readings keyed by its id, failed polls included
      PowerReading sim = readings.first(r -> r.key().equals("ups-sim"));
      assertThat(sim.error()).isNull();
      assertThat(sim.deviceName()).isEqualTo("Sim UPS");
      assertThat(sim.upsStatus()).isEqualTo("OL");
      assertThat(sim.batteryPercent()).isEqualTo(100.0);
      assertThat(sim.powerWatts()).isEqualTo(270.0);
      assertThat(sim.collectorId()).isEqualTo("collector-it");
      assertThat(sim.pollIntervalSeconds()).isEqualTo(1);
      assertThat(sim.port()).isEqualTo(upsd.port());

      PowerReading down = readings.first(r -> r.key().equals("ups-down"));
      assertThat(down.succeeded()).isFalse();
      assertThat(down.error())
          .isEqualTo(
              "connection refused by 127.0.0.1:"
                  + closedPort
                  + " (is upsd running and listening there?)");
      assertThat(down.pollIntervalSeconds()).isEqualTo(1);
      assertThat(down.collectorId()).isEqualTo("collector-it");

      assertThat(readings.first(r -> r.key().equals("site-sim")).upsStatus()).isEqualTo("OL");

      PowerReading overSnmp = readings.first(r -> r.key().equals("ups-snmp"));
      assertThat(overSnmp.error()).isNull();
      assertThat(overSnmp.poller()).isEqualTo("snmp");
      assertThat(overSnmp.upsStatus()).isEqualTo("OL");
      assertThat(overSnmp.batteryPercent()).isEqualTo(64.0);

      // ... cycle after cycle
      readings.first(
          r ->
              r.key().equals("ups-down")
                  && !r.value().timestamp().isBefore(down.timestamp().plusMillis(500)));

      // ... and the collector reports itself
      CollectorHeartbeat heartbeat =
          heartbeats.first(
              r -> r.key().equals("collector-it") && r.value().lastCycleStartedAt() != null);
      assertThat(heartbeat.schedulerRunning()).isTrue();
      assertThat(heartbeat.devicesConfigured()).isEqualTo(4);
      assertThat(heartbeat.lastCycleDevicesPolled()).isEqualTo(4);
      assertThat(heartbeat.lastCycleErrors()).isEqualTo(1);

      // When the mains fail, a later reading says so
      upsd.setVariables(Map.of("ups.status", "OB DISCHRG"));
      readings.first(r -> r.key().equals("ups-sim") && "OB DISCHRG".equals(r.value().upsStatus()));
      snmpd.set(Map.of("1.3.6.1.2.1.33.1.4.1.0", "integer 5"));
      readings.first(r -> r.key().equals("ups-snmp") && "OB".equals(r.value().upsStatus()));

      // When the collector is stopped (as on SIGTERM), its last heartbeat says the scheduler
      // stopped
      collector.close();
      heartbeats.first(r -> r.key().equals("collector-it") && !r.value().schedulerRunning());
    } finally {
      collector.close();
    }
    assertThat(output.getAll()).contains("ups-sim").doesNotContain(UpsdProcess.PASSWORD);
  }

  private static int closedPort() throws Exception {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Everything on one topic from the beginning, read with the topic's own serdes. */
  private static final class Records<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> seen = new CopyOnWriteArrayList<>();

    Records(Topic<K, V> topic) {
      consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  broker.getBrokersAsString(),
                  ConsumerConfig.GROUP_ID_CONFIG,
                  "it-" + UUID.randomUUID(),
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest"),
              topic.keySerde().deserializer(),
              topic.valueSerde().deserializer());
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    /** The value of the first record that matches, waiting for it if need be. */
    V first(Predicate<ConsumerRecord<K, V>> matching) {
      return await()
          .atMost(PATIENCE)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream()
                    .filter(matching)
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
