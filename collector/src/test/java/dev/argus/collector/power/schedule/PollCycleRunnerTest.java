package dev.argus.collector.power.schedule;

import static dev.argus.collector.power.schedule.PollCycleFixture.ONE_UPS_OL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.argus.collector.testing.FakeNutServer;
import dev.argus.contract.power.PowerReading;
import java.net.InetAddress;
import java.net.ServerSocket;
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
  private final PollCycleFixture cycle = new PollCycleFixture();

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
                  PollCycleFixture.device("ups-a", healthy.host(), healthy.port(), "sim", true),
                  PollCycleFixture.device("ups-down", "127.0.0.1", closedPort, "sim", true),
                  PollCycleFixture.device(
                      "ups-off", disabled.host(), disabled.port(), "sim", false)),
              Duration.ofMinutes(1));
      var runner = cycle.runner(Duration.ofSeconds(2), Duration.ofSeconds(10));

      // When
      CycleReport report = runner.run(plan);

      // Then
      assertThat(cycle.producer().history())
          .extracting(ProducerRecord::topic)
          .containsOnly("argus.readings.power");
      assertThat(cycle.producer().history())
          .extracting(ProducerRecord::key)
          .containsExactly("ups-a", "ups-down");
      assertThat(cycle.published().get(0).succeeded()).isTrue();
      assertThat(cycle.published().get(0).upsStatus()).isEqualTo("OL");
      assertThat(cycle.published().get(1).error())
          .isEqualTo(
              "connection refused by 127.0.0.1:"
                  + closedPort
                  + " (is upsd running and listening there?)");
      assertThat(cycle.published())
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
              List.of(
                  PollCycleFixture.device("ups-hung", hanging.host(), hanging.port(), "sim", true)),
              Duration.ofMinutes(1));
      var runner = cycle.runner(Duration.ofMillis(300), Duration.ofSeconds(10));

      assertTimeoutPreemptively(NEVER_STICKS, () -> runner.run(plan));

      assertThat(cycle.published())
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
                  PollCycleFixture.device("ups-hung", hanging.host(), hanging.port(), "sim", true),
                  PollCycleFixture.device("ups-ok", healthy.host(), healthy.port(), "sim", true)),
              Duration.ofMinutes(1));
      var runner = cycle.runner(Duration.ofSeconds(60), Duration.ofMillis(700));

      // When
      CycleReport report = assertTimeoutPreemptively(NEVER_STICKS, () -> runner.run(plan));

      // Then
      assertThat(cycle.producer().history())
          .extracting(ProducerRecord::key)
          .containsExactly("ups-hung", "ups-ok");
      assertThat(cycle.published().get(0).error())
          .isEqualTo(
              "poll did not finish within the poll deadline of 700 ms and was cancelled ("
                  + hanging.host()
                  + ":"
                  + hanging.port()
                  + ")");
      assertThat(cycle.published().get(1).succeeded()).isTrue();
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
              List.of(
                  PollCycleFixture.device("ups-hung", hanging.host(), hanging.port(), "sim", true)),
              Duration.ofMinutes(1));
      var runner = cycle.runner(Duration.ofSeconds(60), Duration.ofMillis(300));

      assertTimeoutPreemptively(NEVER_STICKS, () -> runner.run(plan));
      assertThat(hanging.awaitClientClosed(10, TimeUnit.SECONDS)).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                cycle.producer().clear();
                runner.run(plan);
                assertThat(cycle.published())
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
      cycle.producer().sendException =
          new org.apache.kafka.common.errors.TimeoutException("metadata not available");
      var plan =
          PollPlan.fixed(
              List.of(
                  PollCycleFixture.device("ups-a", healthy.host(), healthy.port(), "sim", true)),
              Duration.ofMinutes(1));
      var runner = cycle.runner(Duration.ofSeconds(2), Duration.ofSeconds(5));

      // When
      runner.run(plan);
      CycleReport second = runner.run(plan);

      // Then
      assertThat(second.devicesPolled()).isEqualTo(1);
      assertThat(cycle.publisher().failedSends()).isEqualTo(2);
      assertThat(healthy.requests()).filteredOn("LIST VAR sim"::equals).hasSize(2);
    }
  }

  private static int closedPort() throws Exception {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
