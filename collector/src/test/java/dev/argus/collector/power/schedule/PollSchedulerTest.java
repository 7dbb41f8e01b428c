package dev.argus.collector.power.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.NutPowerPoller;
import dev.argus.collector.power.NutVariablesMapper;
import dev.argus.collector.power.PowerPoller;
import dev.argus.collector.power.SnmpPowerPoller;
import dev.argus.collector.power.SnmpReadingMapper;
import dev.argus.collector.power.device.Device;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.collector.testing.FakeNutServer;
import dev.argus.contract.Topics;
import dev.argus.contract.power.PowerReading;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * When cycles run: the scheduler with the real poller against TCP servers on loopback; only Kafka
 * is replaced, by the client library's own {@link MockProducer}.
 */
class PollSchedulerTest {

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
  void startsTheFirstCycleRightAwayAndStopsCleanly() throws Exception {
    try (var healthy =
        FakeNutServer.scripted(Map.of("LIST VAR sim", ONE_UPS_OL, "LOGOUT", "OK Goodbye\n"))) {
      // Given an interval far longer than the test
      var scheduler =
          new PollScheduler(
              PollPlan.fixed(
                  List.of(device("ups-a", healthy.host(), healthy.port(), "sim", true)),
                  Duration.ofHours(1)),
              runner(Duration.ofSeconds(2), Duration.ofSeconds(5)));

      // When
      scheduler.start();

      // Then
      assertThat(scheduler.isRunning()).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.lastCycle() != null);
      assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("ups-a");
      // The scheduler keeps the report of the cycle it had run, for the heartbeat.
      assertThat(scheduler.lastCycle().devicesPolled()).isEqualTo(1);
      assertThat(scheduler.lastCycle().errors()).isZero();
      assertThat(scheduler.lastCycle().triggerId()).isNull();
      scheduler.stop();
      assertThat(scheduler.isRunning()).isFalse();
    }
  }

  /** A plan a test changes while the scheduler runs. */
  private static final class MutablePlan implements PollPlan {
    volatile Duration interval;
    volatile boolean paused;
    final List<Device> devices;

    MutablePlan(List<Device> devices, Duration interval, boolean paused) {
      this.devices = devices;
      this.interval = interval;
      this.paused = paused;
    }

    @Override
    public Duration pollInterval() {
      return interval;
    }

    @Override
    public boolean paused() {
      return paused;
    }

    @Override
    public List<Device> devicesForCycle() {
      return devices;
    }

    @Override
    public int devicesConfigured() {
      return devices.size();
    }
  }

  @Test
  void whilePausedRunsNoScheduledCycleButATriggeredOneAndReportsItsTriggerId() throws Exception {
    try (var healthy =
        FakeNutServer.scripted(Map.of("LIST VAR sim", ONE_UPS_OL, "LOGOUT", "OK Goodbye\n"))) {
      // Given a paused plan whose interval would otherwise poll all the time
      var plan =
          new MutablePlan(
              List.of(device("ups-a", healthy.host(), healthy.port(), "sim", true)),
              Duration.ofMillis(50),
              true);
      var scheduler = new PollScheduler(plan, runner(Duration.ofSeconds(2), Duration.ofSeconds(5)));
      List<Boolean> inProgressSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
      scheduler.onCycleStartOrEnd(() -> inProgressSeen.add(scheduler.pollInProgress()));
      scheduler.start();
      try {
        // When
        scheduler.triggerPoll("cmd-1");
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> "cmd-1".equals(scheduler.lastTriggerId()));

        // Then the triggered cycle ran, said so at its start and end, and nothing else ran
        assertThat(scheduler.lastCycle().triggerId()).isEqualTo("cmd-1");
        assertThat(scheduler.lastCycle().completedAt()).isNotNull();
        assertThat(inProgressSeen).containsExactly(true, false);
        assertThat(scheduler.paused()).isTrue();
        await()
            .during(Duration.ofMillis(300))
            .pollInterval(Duration.ofMillis(20))
            .atMost(Duration.ofSeconds(2))
            .untilAsserted(
                () ->
                    assertThat(producer.history())
                        .extracting(ProducerRecord::key)
                        .containsExactly("ups-a"));

        // When the pause ends, scheduled cycles run again at the plan's interval
        plan.paused = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() >= 3);
        assertThat(scheduler.lastTriggerId()).isEqualTo("cmd-1");
      } finally {
        scheduler.stop();
      }
    }
  }

  @Test
  void aShorterIntervalAppliesWithoutARestart() throws Exception {
    try (var healthy =
        FakeNutServer.scripted(Map.of("LIST VAR sim", ONE_UPS_OL, "LOGOUT", "OK Goodbye\n"))) {
      // Given an interval far longer than the test, and the first cycle done
      var plan =
          new MutablePlan(
              List.of(device("ups-a", healthy.host(), healthy.port(), "sim", true)),
              Duration.ofHours(1),
              false);
      var scheduler = new PollScheduler(plan, runner(Duration.ofSeconds(2), Duration.ofSeconds(5)));
      scheduler.start();
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.lastCycle() != null);

        // When
        plan.interval = Duration.ofMillis(100);

        // Then
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() >= 3);
        assertThat(scheduler.lastTriggerId()).isNull();
      } finally {
        scheduler.stop();
      }
    }
  }

  @Test
  void aTriggerDuringARunningCycleIsAnsweredByThatCycle() throws Exception {
    try (var hanging = FakeNutServer.hanging()) {
      // Given a cycle that runs until its deadline
      var plan =
          new MutablePlan(
              List.of(device("ups-hung", hanging.host(), hanging.port(), "sim", true)),
              Duration.ofHours(1),
              false);
      var scheduler =
          new PollScheduler(plan, runner(Duration.ofSeconds(60), Duration.ofSeconds(2)));
      scheduler.start();
      try {
        await().atMost(Duration.ofSeconds(10)).until(scheduler::pollInProgress);

        // When
        scheduler.triggerPoll("cmd-2");

        // Then
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> "cmd-2".equals(scheduler.lastTriggerId()));
        assertThat(producer.history()).hasSize(1);
      } finally {
        scheduler.stop();
      }
    }
  }
}
