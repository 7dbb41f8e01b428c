package dev.argus.collector.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.NutPowerPoller;
import dev.argus.collector.power.NutVariablesMapper;
import dev.argus.collector.power.PowerPoller;
import dev.argus.collector.power.SnmpPowerPoller;
import dev.argus.collector.power.SnmpReadingMapper;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.collector.power.schedule.CycleReport;
import dev.argus.collector.power.schedule.PollCycleRunner;
import dev.argus.collector.power.schedule.PollPlan;
import dev.argus.collector.power.schedule.PollScheduler;
import dev.argus.contract.Topics;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.power.PowerReading;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class HeartbeatPublisherTest {

  private final MockProducer<String, CollectorHeartbeat> heartbeatProducer =
      new MockProducer<>(
          true,
          null,
          Topics.COLLECTOR_STATUS.keySerde().serializer(),
          Topics.COLLECTOR_STATUS.valueSerde().serializer());
  private final MockProducer<String, PowerReading> readingProducer =
      new MockProducer<>(
          true,
          null,
          Topics.READINGS_POWER.keySerde().serializer(),
          Topics.READINGS_POWER.valueSerde().serializer());

  private PollScheduler schedulerOfTwoDevicesOneDown() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    var poller =
        new PowerPoller(
            new NutPowerPoller(
                NutClientSettings.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new NutVariablesMapper(),
                "c1",
                60,
                Clock.systemUTC()),
            new SnmpPowerPoller(new SnmpReadingMapper(), "c1", 60, Clock.systemUTC()));
    return new PollScheduler(
        PollPlan.fixed(
            List.of(
                NutDevice.of("down", null, "127.0.0.1", closedPort, "sim", null, null, null, true),
                NutDevice.of("off", null, "127.0.0.1", closedPort, "sim", null, null, null, false)),
            Duration.ofMinutes(1)),
        new PollCycleRunner(
            poller,
            new TopicPublisher<>(Topics.READINGS_POWER, readingProducer),
            Duration.ofSeconds(5),
            Clock.systemUTC()));
  }

  private HeartbeatPublisher heartbeats(PollScheduler scheduler, Duration interval) {
    return new HeartbeatPublisher(
        "c1",
        scheduler,
        new TopicPublisher<>(Topics.COLLECTOR_STATUS, heartbeatProducer),
        interval,
        Clock.systemUTC());
  }

  @Test
  void reportsNoCycleBeforeTheFirstOne() throws Exception {
    var heartbeat = heartbeats(schedulerOfTwoDevicesOneDown(), Duration.ofSeconds(10)).heartbeat();

    assertThat(heartbeat.collectorId()).isEqualTo("c1");
    assertThat(heartbeat.schedulerRunning()).isFalse();
    assertThat(heartbeat.devicesConfigured()).isEqualTo(2);
    assertThat(heartbeat.lastCycleStartedAt()).isNull();
    assertThat(heartbeat.lastCycleDurationMillis()).isEqualTo(-1);
  }

  @Test
  void reportsTheLastCycle() throws Exception {
    // Given the scheduler's first cycle, which runs right at start
    var scheduler = schedulerOfTwoDevicesOneDown();
    scheduler.start();
    CycleReport cycle;
    try {
      await()
          .pollInterval(Duration.ofMillis(10))
          .atMost(Duration.ofSeconds(10))
          .until(() -> scheduler.lastCycle() != null);
      cycle = scheduler.lastCycle();
    } finally {
      scheduler.stop();
    }

    // When
    var heartbeat = heartbeats(scheduler, Duration.ofSeconds(10)).heartbeat();

    // Then
    assertThat(heartbeat.lastCycleStartedAt()).isEqualTo(cycle.startedAt());
    assertThat(heartbeat.lastCycleDurationMillis())
        .isEqualTo(cycle.durationMillis())
        .isNotNegative();
    assertThat(heartbeat.lastCycleDevicesPolled()).isEqualTo(1);
    assertThat(heartbeat.lastCycleErrors()).isEqualTo(1);
  }

  @Test
  void publishesRightAwayThenPeriodicallyAndALastTimeWhenStopped() throws Exception {
    // Given
    var heartbeats = heartbeats(schedulerOfTwoDevicesOneDown(), Duration.ofMillis(100));

    // When
    heartbeats.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> heartbeatProducer.history().size() >= 3);
    heartbeats.stop();

    // Then
    List<ProducerRecord<String, CollectorHeartbeat>> sent = heartbeatProducer.history();
    assertThat(sent).extracting(ProducerRecord::key).containsOnly("c1");
    assertThat(sent).extracting(ProducerRecord::topic).containsOnly("argus.collector.status");
    assertThat(sent.getLast().value().schedulerRunning()).isFalse();
    assertThat(sent.getLast().value().startedAt()).isNotNull();
    assertThat(heartbeats.isRunning()).isFalse();
    int afterStop = heartbeatProducer.history().size();
    await()
        .during(Duration.ofMillis(300))
        .pollInterval(Duration.ofMillis(20))
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(heartbeatProducer.history()).hasSize(afterStop));
  }
}
