package dev.argus.collector.power.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.NutPowerPoller;
import dev.argus.collector.power.NutVariablesMapper;
import dev.argus.collector.power.PowerPoller;
import dev.argus.collector.power.SnmpPowerPoller;
import dev.argus.collector.power.SnmpReadingMapper;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.collector.testing.FakeNutServer;
import dev.argus.contract.Topics;
import dev.argus.contract.power.PowerReading;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * One poll cycle with the real poller against TCP servers on loopback; only Kafka is replaced, by
 * the client library's own {@link MockProducer}.
 */
class PollCycleRunnerTest {

  private static final Duration NEVER_STICKS = Duration.ofSeconds(30);
  private static final String ONE_UPS_OL =
      "BEGIN LIST VAR sim\n"
          + "VAR sim ups.status \"OL\"\n"
          + "VAR sim battery.charge \"100\"\n"
          + "END LIST VAR sim\n";

  private final MockProducer<String, PowerReading> producer =
      new MockProducer<>(
          true,
          null,
          Topics.READINGS_POWER.keySerde().serializer(),
          Topics.READINGS_POWER.valueSerde().serializer());
  private final TopicPublisher<String, PowerReading> publisher =
      new TopicPublisher<>(Topics.READINGS_POWER, producer);

  private static PowerPoller poller(Duration readTimeout) {
    return new PowerPoller(
        new NutPowerPoller(
            NutClientSettings.withTimeouts(Duration.ofMillis(500), readTimeout),
            new NutVariablesMapper(),
            "collector-1",
            60,
            Clock.systemUTC()),
        new SnmpPowerPoller(new SnmpReadingMapper(), "collector-1", 60, Clock.systemUTC()));
  }

  private PollCycleRunner runner(Duration readTimeout, Duration deadline) {
    return new PollCycleRunner(poller(readTimeout), publisher, deadline, Clock.systemUTC());
  }

  private static NutDevice device(String id, String host, int port, String ups, boolean enabled) {
    return NutDevice.of(id, null, host, port, ups, null, null, null, enabled);
  }

  private List<PowerReading> published() {
    return producer.history().stream().map(ProducerRecord::value).toList();
  }

  @Test
  void publishesOneReadingPerEnabledDeviceKeyedByDeviceIdIncludingFailedPolls() throws Exception {
    // Given a healthy UPS, a UPS server that is down and a disabled device
    try (var healthy =
            FakeNutServer.scripted(Map.of("LIST VAR sim", ONE_UPS_OL, "LOGOUT", "OK Goodbye\n"));
        var disabled = FakeNutServer.scripted(Map.of())) {
      int closedPort = closedPort();
      var plan =
          PollPlan.fixed(
              List.of(
                  device("ups-a", healthy.host(), healthy.port(), "sim", true),
                  device("ups-down", "127.0.0.1", closedPort, "sim", true),
                  device("ups-off", disabled.host(), disabled.port(), "sim", false)),
              Duration.ofMinutes(1));
      var runner = runner(Duration.ofSeconds(2), Duration.ofSeconds(10));

      // When
      CycleReport report = runner.run(plan);

      // Then
      assertThat(producer.history())
          .extracting(ProducerRecord::topic)
          .containsOnly("argus.readings.power");
      assertThat(producer.history())
          .extracting(ProducerRecord::key)
          .containsExactly("ups-a", "ups-down");
      assertThat(published().get(0).succeeded()).isTrue();
      assertThat(published().get(0).upsStatus()).isEqualTo("OL");
      assertThat(published().get(1).error())
          .isEqualTo(
              "connection refused by 127.0.0.1:"
                  + closedPort
                  + " (is upsd running and listening there?)");
      assertThat(published())
          .allSatisfy(
              reading -> {
                assertThat(reading.collectorId()).isEqualTo("collector-1");
                assertThat(reading.pollIntervalSeconds()).isEqualTo(60);
              });
      assertThat(disabled.requests()).isEmpty();
      assertThat(report.devicesPolled()).isEqualTo(2);
      assertThat(report.errors()).isEqualTo(1);
    }
  }

  @Test
  void aServerThatNeverAnswersYieldsAFailedReadingAfterTheReadTimeout() throws Exception {
    try (var hanging = FakeNutServer.hanging()) {
      var plan =
          PollPlan.fixed(
              List.of(device("ups-hung", hanging.host(), hanging.port(), "sim", true)),
              Duration.ofMinutes(1));
      var runner = runner(Duration.ofMillis(300), Duration.ofSeconds(10));

      assertTimeoutPreemptively(NEVER_STICKS, () -> runner.run(plan));

      assertThat(published())
          .singleElement()
          .satisfies(
              reading -> {
                assertThat(reading.deviceId()).isEqualTo("ups-hung");
                assertThat(reading.error())
                    .isEqualTo(
                        "read timed out after 300 ms waiting for "
                            + hanging.host()
                            + ":"
                            + hanging.port()
                            + " to answer LIST VAR sim");
              });
    }
  }

  @Test
  void cancelsAPollThatOutlivesThePollDeadlineClosesItsSocketAndStillPublishesTheOthers()
      throws Exception {
    // Given a hung server the client itself would wait 60 s for, and a healthy one
    try (var hanging = FakeNutServer.hanging();
        var healthy =
            FakeNutServer.scripted(Map.of("LIST VAR sim", ONE_UPS_OL, "LOGOUT", "OK Goodbye\n"))) {
      var plan =
          PollPlan.fixed(
              List.of(
                  device("ups-hung", hanging.host(), hanging.port(), "sim", true),
                  device("ups-ok", healthy.host(), healthy.port(), "sim", true)),
              Duration.ofMinutes(1));
      var runner = runner(Duration.ofSeconds(60), Duration.ofMillis(700));

      // When
      CycleReport report = assertTimeoutPreemptively(NEVER_STICKS, () -> runner.run(plan));

      // Then
      assertThat(producer.history())
          .extracting(ProducerRecord::key)
          .containsExactly("ups-hung", "ups-ok");
      assertThat(published().get(0).error())
          .isEqualTo(
              "poll did not finish within the poll deadline of 700 ms and was cancelled ("
                  + hanging.host()
                  + ":"
                  + hanging.port()
                  + ")");
      assertThat(published().get(1).succeeded()).isTrue();
      assertThat(report.errors()).isEqualTo(1);
      assertThat(hanging.awaitClientClosed(10, TimeUnit.SECONDS))
          .as("the cancelled poll's connection is closed")
          .isTrue();
    }
  }

  @Test
  void pollsAgainInTheNextCycleAfterACancelledPoll() throws Exception {
    try (var hanging = FakeNutServer.hanging()) {
      var plan =
          PollPlan.fixed(
              List.of(device("ups-hung", hanging.host(), hanging.port(), "sim", true)),
              Duration.ofMinutes(1));
      var runner = runner(Duration.ofSeconds(60), Duration.ofMillis(300));

      assertTimeoutPreemptively(NEVER_STICKS, () -> runner.run(plan));
      assertThat(hanging.awaitClientClosed(10, TimeUnit.SECONDS)).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                producer.clear();
                runner.run(plan);
                assertThat(published())
                    .singleElement()
                    .extracting(PowerReading::error)
                    .asString()
                    .startsWith("poll did not finish");
              });

      assertThat(hanging.requests())
          .filteredOn("LIST VAR sim"::equals)
          .hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void keepsPollingWhenKafkaRefusesTheReadings() throws Exception {
    try (var healthy =
        FakeNutServer.scripted(Map.of("LIST VAR sim", ONE_UPS_OL, "LOGOUT", "OK Goodbye\n"))) {
      // Given a producer whose every send fails at once
      producer.sendException =
          new org.apache.kafka.common.errors.TimeoutException("metadata not available");
      var plan =
          PollPlan.fixed(
              List.of(device("ups-a", healthy.host(), healthy.port(), "sim", true)),
              Duration.ofMinutes(1));
      var runner = runner(Duration.ofSeconds(2), Duration.ofSeconds(5));

      // When
      runner.run(plan);
      CycleReport second = runner.run(plan);

      // Then
      assertThat(second.devicesPolled()).isEqualTo(1);
      assertThat(publisher.failedSends()).isEqualTo(2);
      assertThat(healthy.requests()).filteredOn("LIST VAR sim"::equals).hasSize(2);
    }
  }

  private static int closedPort() throws Exception {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
