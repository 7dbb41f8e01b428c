package dev.argus.collector.power.schedule;

import static dev.argus.collector.power.schedule.PollCycleFixture.ONE_UPS_OL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.collector.power.device.Device;
import dev.argus.collector.testing.FakeNutServer;
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
  private final PollCycleFixture cycle = new PollCycleFixture();

  @Test
  void startsTheFirstCycleRightAwayAndStopsCleanly() throws Exception {
    try (var healthy =
        FakeNutServer.scripted(Map.of("LIST VAR sim", ONE_UPS_OL, "LOGOUT", "OK Goodbye\n"))) {
      // Given an interval far longer than the test
      var scheduler =
          new PollScheduler(
              PollPlan.fixed(
                  List.of(
                      PollCycleFixture.device(
                          "ups-a", healthy.host(), healthy.port(), "sim", true)),
                  Duration.ofHours(1)),
              cycle.runner(Duration.ofSeconds(2), Duration.ofSeconds(5)));

      // When
      scheduler.start();

      // Then
      assertThat(scheduler.isRunning()).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.lastCycle() != null);
      assertThat(cycle.producer().history())
          .extracting(ProducerRecord::key)
          .containsExactly("ups-a");
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
              List.of(
                  PollCycleFixture.device("ups-a", healthy.host(), healthy.port(), "sim", true)),
              Duration.ofMillis(50),
              true);
      var scheduler =
          new PollScheduler(plan, cycle.runner(Duration.ofSeconds(2), Duration.ofSeconds(5)));
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
                    assertThat(cycle.producer().history())
                        .extracting(ProducerRecord::key)
                        .containsExactly("ups-a"));

        // When the pause ends, scheduled cycles run again at the plan's interval
        plan.paused = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> cycle.producer().history().size() >= 3);
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
              List.of(
                  PollCycleFixture.device("ups-a", healthy.host(), healthy.port(), "sim", true)),
              Duration.ofHours(1),
              false);
      var scheduler =
          new PollScheduler(plan, cycle.runner(Duration.ofSeconds(2), Duration.ofSeconds(5)));
      scheduler.start();
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.lastCycle() != null);

        // When
        plan.interval = Duration.ofMillis(100);

        // Then
        await().atMost(Duration.ofSeconds(10)).until(() -> cycle.producer().history().size() >= 3);
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
              List.of(
                  PollCycleFixture.device("ups-hung", hanging.host(), hanging.port(), "sim", true)),
              Duration.ofHours(1),
              false);
      var scheduler =
          new PollScheduler(plan, cycle.runner(Duration.ofSeconds(60), Duration.ofSeconds(2)));
      scheduler.start();
      try {
        await().atMost(Duration.ofSeconds(10)).until(scheduler::pollInProgress);

        // When
        scheduler.triggerPoll("cmd-2");

        // Then
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> "cmd-2".equals(scheduler.lastTriggerId()));
        assertThat(cycle.producer().history()).hasSize(1);
      } finally {
        scheduler.stop();
      }
    }
  }
}
