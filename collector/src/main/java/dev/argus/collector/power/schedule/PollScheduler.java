package dev.argus.collector.power.schedule;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Decides when poll cycles run and has the {@link PollCycleRunner} run them: once per poll interval
 * of the {@link PollPlan}, the first cycle right at start-up, and at once on a manual trigger
 * ({@link #triggerPoll}), even while scheduled cycles are paused.
 *
 * <p>Cycles never overlap (one cycle thread; a cycle that overruns delays the next). The plan is
 * read again while waiting, so a shorter interval, a pause or its end applies without a restart:
 * the next scheduled cycle starts one (current) interval after the start of the last cycle.
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
  private final PollCycleRunner cycles;
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

  public PollScheduler(PollPlan plan, PollCycleRunner cycles) {
    this.plan = plan;
    this.cycles = cycles;
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
        cycles.pollDeadline());
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
    Duration pollDeadline = cycles.pollDeadline();
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
      cycles.cancelPolls();
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

  /**
   * Runs one cycle and records it as the last one, with the trigger it answered.
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
      report = cycles.run(plan);
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
}
