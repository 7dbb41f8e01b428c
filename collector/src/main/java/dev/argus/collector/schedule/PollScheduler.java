package dev.argus.collector.schedule;

import dev.argus.collector.devices.Device;
import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.power.PowerPoller;
import dev.argus.contract.power.PowerReading;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls every enabled device once per poll interval, the first cycle right at start-up, and
 * publishes exactly one reading per polled UPS or PDU to {@code argus.readings.power}, failed polls
 * included.
 *
 * <p>Each device is polled on its own virtual thread, so a slow device delays no other. A poll
 * that is still running when the poll deadline (counted from the start of the cycle) passes is
 * cancelled: its thread is interrupted, which closes its NUT socket (blocking socket I/O of a
 * virtual thread is interruptible) or ends its wait for an SNMP answer, and a failed reading says so. Cycles never overlap (one cycle thread,
 * fixed rate: a cycle that overruns delays the next). A device whose cancelled previous poll has
 * not ended yet, which only a poll stuck in something uninterruptible such as a DNS lookup can
 * cause, is not polled again but reported as failed, so polls of one device never overlap either.
 *
 * <p>On shutdown no new cycle starts; a running cycle gets a short grace period, then its polls
 * are cancelled and nothing more is published for them.
 */
public final class PollScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);
  private static final Duration MAX_SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final List<Device> devices;
  private final PowerPoller poller;
  private final TopicPublisher<String, PowerReading> readings;
  private final Duration pollInterval;
  private final Duration pollDeadline;
  private final Clock clock;
  // Devices whose poll body has not returned yet; a cancelled poll counts until it really ends.
  private final Set<String> devicesBeingPolled = ConcurrentHashMap.newKeySet();
  private final Map<String, Thread> pollThreads = new ConcurrentHashMap<>();
  private final ThreadFactory pollThreadFactory = Thread.ofVirtual().name("device-poll-", 0).factory();
  private final ScheduledExecutorService cycleThread =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().name("poll-cycle").unstarted(runnable));
  private volatile boolean running;
  private volatile CycleReport lastCycle;

  public PollScheduler(
      List<Device> devices,
      PowerPoller poller,
      TopicPublisher<String, PowerReading> readings,
      Duration pollInterval,
      Duration pollDeadline,
      Clock clock) {
    this.devices = List.copyOf(devices);
    this.poller = poller;
    this.readings = readings;
    this.pollInterval = pollInterval;
    this.pollDeadline = pollDeadline;
    this.clock = clock;
  }

  @Override
  public void start() {
    long enabled = devices.stream().filter(Device::enabled).count();
    if (enabled == 0) {
      log.warn("No enabled devices: set ARGUS_COLLECTOR_DEVICES or argus.collector.devices");
    }
    log.info("Polling {} device(s) every {}, poll deadline {}", enabled, pollInterval, pollDeadline);
    cycleThread.scheduleAtFixedRate(
        this::runCycleLoggingFailures, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    cycleThread.shutdown();
    Duration grace = pollDeadline.compareTo(MAX_SHUTDOWN_GRACE) < 0 ? pollDeadline : MAX_SHUTDOWN_GRACE;
    try {
      if (!cycleThread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.info("Cancelling the polls still running at shutdown");
        cycleThread.shutdownNow();
        cycleThread.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      cycleThread.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      pollThreads.values().forEach(Thread::interrupt);
    }
    log.info("Stopped polling");
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The last completed cycle, or null before the first one ends. */
  public CycleReport lastCycle() {
    return lastCycle;
  }

  public int devicesConfigured() {
    return devices.size();
  }

  /**
   * Polls every enabled device once, waits for the polls up to the deadline and publishes their
   * readings in the configured order of the devices.
   */
  public CycleReport runCycle() {
    var startedAt = clock.instant();
    long startNanos = System.nanoTime();
    long deadlineNanos = startNanos + pollDeadline.toNanos();
    Map<Device, CompletableFuture<List<PowerReading>>> polls = new LinkedHashMap<>();
    int errors = 0;
    for (Device device : devices) {
      if (!device.enabled()) {
        continue;
      }
      if (devicesBeingPolled.contains(device.id())) {
        errors += publish(poller.failedReadings(device, "the previous poll is still running; this poll was skipped"));
        continue;
      }
      polls.put(device, startPoll(device));
    }
    for (var entry : polls.entrySet()) {
      if (Thread.currentThread().isInterrupted()) {
        // Shutting down: the polls of this cycle are abandoned, not reported as device failures.
        polls.keySet().forEach(device -> pollThreads.get(device.id()).interrupt());
        break;
      }
      errors += publish(await(entry.getKey(), entry.getValue(), deadlineNanos));
    }
    var report =
        new CycleReport(
            startedAt, (System.nanoTime() - startNanos) / 1_000_000L, polls.size(), errors);
    lastCycle = report;
    log.debug("Poll cycle done: {}", report);
    return report;
  }

  private CompletableFuture<List<PowerReading>> startPoll(Device device) {
    var result = new CompletableFuture<List<PowerReading>>();
    devicesBeingPolled.add(device.id());
    Thread thread =
        pollThreadFactory.newThread(
            () -> {
              List<PowerReading> polled = null;
              Throwable failure = null;
              try {
                polled = poller.poll(device);
              } catch (RuntimeException | Error e) {
                failure = e;
              } finally {
                // Before completing: whoever sees the result must also see the device as free.
                devicesBeingPolled.remove(device.id());
              }
              if (failure == null) {
                result.complete(polled);
              } else {
                result.completeExceptionally(failure);
              }
            });
    pollThreads.put(device.id(), thread);
    thread.start();
    return result;
  }

  private List<PowerReading> await(Device device, Future<List<PowerReading>> poll, long deadlineNanos) {
    try {
      return poll.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pollThreads.get(device.id()).interrupt();
      return poller.failedReadings(
          device,
          "poll did not finish within the poll deadline of " + pollDeadline.toMillis()
              + " ms and was cancelled (" + device.host() + ":" + device.port() + ")");
    } catch (ExecutionException e) {
      log.error("{}: poll failed unexpectedly", device.id(), e.getCause());
      return poller.failedReadings(device, "poll failed unexpectedly: " + e.getCause());
    } catch (InterruptedException e) {
      pollThreads.get(device.id()).interrupt();
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** Publishes the readings of one device; returns 1 if any of them is a failed poll. */
  private int publish(List<PowerReading> deviceReadings) {
    boolean failed = false;
    for (PowerReading reading : deviceReadings) {
      if (!reading.succeeded()) {
        failed = true;
        log.warn("{}: poll failed: {}", reading.deviceId(), reading.error());
      }
      readings.publish(reading.deviceId(), reading);
    }
    return failed ? 1 : 0;
  }

  private void runCycleLoggingFailures() {
    try {
      runCycle();
    } catch (RuntimeException e) {
      // An exception escaping a periodic task would silently end all future cycles.
      log.error("Poll cycle failed; the next one runs as scheduled", e);
    }
  }
}
