package dev.argus.collector.status;

import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.power.schedule.CycleReport;
import dev.argus.collector.power.schedule.PollScheduler;
import dev.argus.contract.collector.CollectorHeartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the collector's heartbeat with the diagnostics of its last poll cycle to the compacted
 * {@code argus.collector.status} topic (key: collector id) every heartbeat interval.
 *
 * <p>It also publishes one at once when a poll cycle starts and when it ends ({@link
 * #publishNow()}), so that a manual poll can be followed closely: {@code poll_in_progress}, then
 * {@code last_cycle_completed_at} and {@code last_trigger_id}.
 *
 * <p>Because it depends on the poll scheduler, Spring starts it after the scheduler and stops it
 * before. Its last heartbeat, sent at shutdown, says {@code scheduler_running=false} (polling stops
 * right after it), so that a clean stop can be told apart from a crash.
 */
public final class HeartbeatPublisher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HeartbeatPublisher.class);

  private final String collectorId;
  private final PollScheduler scheduler;
  private final TopicPublisher<String, CollectorHeartbeat> heartbeats;
  private final Duration interval;
  private final Clock clock;
  private final IntSupplier targetsConfigured;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().name("heartbeat").daemon().unstarted(runnable));
  private volatile Instant startedAt;
  private volatile boolean running;

  public HeartbeatPublisher(
      String collectorId,
      PollScheduler scheduler,
      TopicPublisher<String, CollectorHeartbeat> heartbeats,
      Duration interval,
      Clock clock) {
    this(collectorId, scheduler, heartbeats, interval, clock, () -> 0);
  }

  /**
   * @param targetsConfigured the enabled uptime targets this collector probes (its own and the
   *     unassigned ones it accepts)
   */
  public HeartbeatPublisher(
      String collectorId,
      PollScheduler scheduler,
      TopicPublisher<String, CollectorHeartbeat> heartbeats,
      Duration interval,
      Clock clock,
      IntSupplier targetsConfigured) {
    this.targetsConfigured = targetsConfigured;
    this.collectorId = collectorId;
    this.scheduler = scheduler;
    this.heartbeats = heartbeats;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public void start() {
    startedAt = clock.instant();
    timer.scheduleAtFixedRate(
        this::publishLoggingFailures, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    heartbeats.publish(collectorId, heartbeat(false));
    heartbeats.flush();
    log.info("Published the last heartbeat of collector {}", collectorId);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Publishes a heartbeat now, e.g. when a cycle starts or ends; nothing before start or after
   * stop.
   */
  public void publishNow() {
    if (running) {
      publishLoggingFailures();
    }
  }

  /** The heartbeat as of now. */
  public CollectorHeartbeat heartbeat() {
    return heartbeat(scheduler.isRunning());
  }

  private CollectorHeartbeat heartbeat(boolean schedulerRunning) {
    CycleReport last = scheduler.lastCycle();
    return new CollectorHeartbeat(
        CollectorHeartbeat.SCHEMA_VERSION,
        collectorId,
        clock.instant(),
        startedAt,
        schedulerRunning,
        scheduler.devicesConfigured(),
        last == null ? null : last.startedAt(),
        last == null ? -1 : last.durationMillis(),
        last == null ? 0 : last.devicesPolled(),
        last == null ? 0 : last.errors(),
        scheduler.paused(),
        scheduler.pollInProgress(),
        last == null ? null : last.completedAt(),
        scheduler.lastTriggerId(),
        targetsConfigured.getAsInt());
  }

  // Synchronized: built and sent as one step, so that a periodic heartbeat built just before a
  // cycle ended cannot be sent after the one that reports the end.
  private synchronized void publishLoggingFailures() {
    try {
      heartbeats.publish(collectorId, heartbeat());
    } catch (RuntimeException e) {
      // An exception escaping a periodic task would end all future heartbeats.
      log.error("Could not build or publish the heartbeat", e);
    }
  }
}
