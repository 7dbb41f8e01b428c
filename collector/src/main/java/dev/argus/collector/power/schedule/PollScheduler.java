package dev.argus.collector.power.schedule;

import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.power.PowerPoller;
import dev.argus.collector.power.device.Device;
import dev.argus.contract.power.PowerReading;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls every enabled device of the {@link PollPlan} once per poll interval, the first cycle right
 * at start-up, and publishes exactly one reading per polled UPS or PDU to {@code
 * argus.readings.power}, failed polls included. A manual trigger ({@link #triggerPoll}) runs a
 * cycle at once, even while scheduled cycles are paused.
 *
 * <p>Each device is polled on its own virtual thread, so a slow device delays no other. A poll that
 * is still running when the poll deadline (counted from the start of the cycle) passes is
 * cancelled: its thread is interrupted, which closes its NUT socket (blocking socket I/O of a
 * virtual thread is interruptible) or ends its wait for an SNMP answer, and a failed reading says
 * so. Cycles never overlap (one cycle thread; a cycle that overruns delays the next). A device
 * whose cancelled previous poll has not ended yet, which only a poll stuck in something
 * uninterruptible such as a DNS lookup can cause, is not polled again but reported as failed, so
 * polls of one device never overlap either.
 *
 * <p>The plan is read again while waiting, so a shorter interval, a pause or its end applies
 * without a restart: the next scheduled cycle starts one (current) interval after the start of the
 * last cycle.
 *
 * <p>On shutdown no new cycle starts; a running cycle gets a short grace period, then its polls are
 * cancelled and nothing more is published for them.
 */
public final class PollScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);
  private static final Duration MAX_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  // How often a waiting scheduler looks at the plan again, so that a new interval or an ended
  // pause applies within about a second.
  private static final long PLAN_CHECK_MILLIS = 1_000;

  private final PollPlan plan;
  private final PowerPoller poller;
  private final TopicPublisher<String, PowerReading> readings;
  private final Duration pollDeadline;
  private final Clock clock;
  // Devices whose poll body has not returned yet; a cancelled poll counts until it really ends.
  private final Set<String> devicesBeingPolled = ConcurrentHashMap.newKeySet();
  private final Map<String, Thread> pollThreads = new ConcurrentHashMap<>();
  private final ThreadFactory pollThreadFactory =
      Thread.ofVirtual().name("device-poll-", 0).factory();
  private final List<Runnable> cycleListeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private Thread cycleThread;
  // Guarded by lock: the state shared by the cycle thread and triggerPoll.
  private boolean stopping;
  private boolean cycleRunning;
  private String requestedTrigger;
  private String runningCycleTrigger;
  private volatile boolean running;
  private volatile boolean pollInProgress;
  private volatile String lastTriggerId;
  private volatile CycleReport lastCycle;

  public PollScheduler(
      PollPlan plan,
      PowerPoller poller,
      TopicPublisher<String, PowerReading> readings,
      Duration pollDeadline,
      Clock clock) {
    this.plan = plan;
    this.poller = poller;
    this.readings = readings;
    this.pollDeadline = pollDeadline;
    this.clock = clock;
  }

  /** A scheduler of a fixed list of devices. */
  public PollScheduler(
      List<Device> devices,
      PowerPoller poller,
      TopicPublisher<String, PowerReading> readings,
      Duration pollInterval,
      Duration pollDeadline,
      Clock clock) {
    this(PollPlan.fixed(devices, pollInterval), poller, readings, pollDeadline, clock);
  }

  /**
   * Called (on the cycle thread) when a cycle starts and when it ends, e.g. to send a heartbeat.
   */
  public void onCycleStartOrEnd(Runnable listener) {
    cycleListeners.add(listener);
  }

  @Override
  public void start() {
    int configured = plan.devicesConfigured();
    if (configured == 0) {
      log.warn(
          "No devices yet: set ARGUS_COLLECTOR_DEVICES or add devices through the api"
              + " (argus.config)");
    }
    log.info(
        "Polling {} device(s) every {}{}, poll deadline {}",
        configured,
        plan.pollInterval(),
        plan.paused() ? " (scheduled polls paused)" : "",
        pollDeadline);
    synchronized (lock) {
      stopping = false;
    }
    cycleThread = Thread.ofPlatform().name("poll-cycle").start(this::runCycles);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    synchronized (lock) {
      stopping = true;
      lock.notifyAll();
    }
    Duration grace =
        pollDeadline.compareTo(MAX_SHUTDOWN_GRACE) < 0 ? pollDeadline : MAX_SHUTDOWN_GRACE;
    try {
      cycleThread.join(grace);
      if (cycleThread.isAlive()) {
        log.info("Cancelling the polls still running at shutdown");
        cycleThread.interrupt();
        cycleThread.join(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      cycleThread.interrupt();
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

  /**
   * Asks for a cycle of every device now, e.g. for a {@code poll_now} command. When a cycle is
   * already running, that one answers the trigger: its end reports this trigger id.
   */
  public void triggerPoll(String triggerId) {
    synchronized (lock) {
      if (cycleRunning) {
        log.info("Manual poll {} requested while a cycle runs: that cycle answers it", triggerId);
        runningCycleTrigger = triggerId;
      } else {
        log.info("Manual poll {} requested", triggerId);
        requestedTrigger = triggerId;
        lock.notifyAll();
      }
    }
  }

  /** The last completed cycle, or null before the first one ends. */
  public CycleReport lastCycle() {
    return lastCycle;
  }

  public int devicesConfigured() {
    return plan.devicesConfigured();
  }

  /** True while scheduled cycles are paused by the runtime configuration. */
  public boolean paused() {
    return plan.paused();
  }

  /** True from the start of a cycle until its last reading is handed to the publisher. */
  public boolean pollInProgress() {
    return pollInProgress;
  }

  /** The trigger id of the last completed triggered cycle, or null. */
  public String lastTriggerId() {
    return lastTriggerId;
  }

  /** Runs one scheduled cycle now, on the caller's thread. */
  public CycleReport runCycle() {
    return runCycleAnswering(null);
  }

  /**
   * Polls every enabled device once, waits for the polls up to the deadline and publishes their
   * readings in the order of the plan's devices.
   *
   * @param triggerId the manual-poll command this cycle answers, or null
   */
  private CycleReport runCycleAnswering(String triggerId) {
    synchronized (lock) {
      cycleRunning = true;
      runningCycleTrigger = triggerId;
    }
    pollInProgress = true;
    CycleReport report = null;
    try {
      notifyListeners();
      report = pollAll();
      return report;
    } finally {
      synchronized (lock) {
        cycleRunning = false;
        String answered = runningCycleTrigger;
        runningCycleTrigger = null;
        if (report != null) {
          report = withTrigger(report, answered);
          lastCycle = report;
          if (answered != null) {
            lastTriggerId = answered;
          }
        }
      }
      pollInProgress = false;
      if (report != null) {
        log.debug("Poll cycle done: {}", report);
      }
      notifyListeners();
    }
  }

  private CycleReport pollAll() {
    var startedAt = clock.instant();
    long startNanos = System.nanoTime();
    List<Device> devices = plan.devicesForCycle();
    long deadlineNanos = System.nanoTime() + pollDeadline.toNanos();
    Map<Device, CompletableFuture<List<PowerReading>>> polls = new LinkedHashMap<>();
    int errors = 0;
    for (Device device : devices) {
      if (!device.enabled()) {
        continue;
      }
      if (devicesBeingPolled.contains(device.id())) {
        errors +=
            publish(
                poller.failedReadings(
                    device, "the previous poll is still running; this poll was skipped"));
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
    return new CycleReport(
        startedAt,
        (System.nanoTime() - startNanos) / 1_000_000L,
        polls.size(),
        errors,
        clock.instant(),
        null);
  }

  private static CycleReport withTrigger(CycleReport report, String triggerId) {
    return new CycleReport(
        report.startedAt(),
        report.durationMillis(),
        report.devicesPolled(),
        report.errors(),
        report.completedAt(),
        triggerId);
  }

  /** The cycle thread: waits for the next scheduled cycle or a trigger, runs it, and again. */
  private void runCycles() {
    Long lastStartNanos = null;
    while (true) {
      NextCycle next;
      try {
        next = awaitNextCycle(lastStartNanos);
      } catch (InterruptedException e) {
        return;
      }
      if (next.stop()) {
        return;
      }
      lastStartNanos = System.nanoTime();
      try {
        runCycleAnswering(next.triggerId());
      } catch (RuntimeException e) {
        // An exception escaping the loop would silently end all future cycles.
        log.error("Poll cycle failed; the next one runs as scheduled", e);
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /** Waits until the next cycle is due (scheduled or triggered) or the scheduler stops. */
  private NextCycle awaitNextCycle(Long lastStartNanos) throws InterruptedException {
    synchronized (lock) {
      while (true) {
        if (stopping) {
          return NextCycle.STOP;
        }
        if (requestedTrigger != null) {
          String trigger = requestedTrigger;
          requestedTrigger = null;
          return new NextCycle(false, trigger);
        }
        long waitMillis = PLAN_CHECK_MILLIS;
        if (!plan.paused()) {
          if (lastStartNanos == null) {
            return NextCycle.SCHEDULED;
          }
          long remainingNanos = lastStartNanos + plan.pollInterval().toNanos() - System.nanoTime();
          if (remainingNanos <= 0) {
            return NextCycle.SCHEDULED;
          }
          waitMillis =
              Math.min(waitMillis, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos)));
        }
        lock.wait(waitMillis);
      }
    }
  }

  /** What the cycle thread does next: stop, or run a cycle (triggered when triggerId is set). */
  private record NextCycle(boolean stop, String triggerId) {
    static final NextCycle STOP = new NextCycle(true, null);
    static final NextCycle SCHEDULED = new NextCycle(false, null);
  }

  private void notifyListeners() {
    for (Runnable listener : cycleListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        log.warn("A cycle listener failed", e);
      }
    }
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

  private List<PowerReading> await(
      Device device, Future<List<PowerReading>> poll, long deadlineNanos) {
    try {
      return poll.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pollThreads.get(device.id()).interrupt();
      return poller.failedReadings(
          device,
          "poll did not finish within the poll deadline of "
              + pollDeadline.toMillis()
              + " ms and was cancelled ("
              + device.host()
              + ":"
              + device.port()
              + ")");
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
}
