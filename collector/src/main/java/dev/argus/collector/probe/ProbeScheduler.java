package dev.argus.collector.probe;

import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.probe.ProbeResult;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Probes every enabled uptime target on its own interval and hands each result, up or down, to the
 * sink (which publishes it to {@code argus.readings.probe}).
 *
 * <p>One timer thread keeps a schedule per target and, when a target is due, starts its probe on a
 * virtual thread; a semaphore bounds the probes in flight, so many thousands of targets cost timer
 * entries, not threads or sockets. A target whose previous probe has not finished is not probed
 * again until it has (probes of one target never overlap). A new target's first check is placed at
 * random within its interval, so that a collector starting with thousands of targets does not probe
 * them all in the same second.
 *
 * <p>{@link #targetsChanged} replaces the target set while running: removed and disabled targets
 * stop (a probe of theirs still in flight is not published), a changed interval or check (address,
 * type, timeout, expectations) is rescheduled and checked within a few seconds, and a change of
 * name, threshold, repeat interval or acknowledgement is carried by the next result.
 */
public final class ProbeScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProbeScheduler.class);

  /** A changed check is probed within this time (or its interval, if shorter). */
  private static final Duration CHANGED_CHECK_DELAY = Duration.ofSeconds(10);

  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  private final TargetProber prober;
  private final Consumer<ProbeResult> results;
  private final Semaphore inFlight;
  private final ScheduledThreadPoolExecutor timer;
  private final ExecutorService probeThreads =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("probe-", 0).factory());
  private final Map<Long, ScheduledTarget> scheduled = new ConcurrentHashMap<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  // The latest target set, kept before start() so that targets arriving early are not lost.
  private Map<Long, TargetConfig> desired = Map.of();
  private volatile boolean running;

  public ProbeScheduler(TargetProber prober, Consumer<ProbeResult> results, int maxInFlight) {
    this.prober = prober;
    this.results = results;
    this.inFlight = new Semaphore(maxInFlight);
    this.timer =
        new ScheduledThreadPoolExecutor(
            1, r -> Thread.ofPlatform().name("probe-timer").daemon().unstarted(r));
    // Without this, every cancelled schedule would stay in the queue until its next due time.
    timer.setRemoveOnCancelPolicy(true);
  }

  /**
   * Replaces the set of targets: the config-topic consumer calls this with every target it knows
   * (disabled ones included) whenever one changes.
   */
  public synchronized void targetsChanged(Collection<TargetConfig> targets) {
    Map<Long, TargetConfig> enabled = new LinkedHashMap<>();
    for (TargetConfig target : targets) {
      if (target != null && target.enabled()) {
        enabled.put(target.id(), target);
      }
    }
    desired = enabled;
    if (running) {
      reconcile();
      log.info("Probing {} uptime target(s)", scheduled.size());
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    reconcile();
    log.info(
        "Probing {} uptime target(s), at most {} at once",
        scheduled.size(),
        inFlight.availablePermits());
  }

  @Override
  public void stop() {
    synchronized (this) {
      running = false;
      scheduled.values().forEach(ScheduledTarget::cancel);
      scheduled.clear();
    }
    timer.shutdownNow();
    // Interrupts the probes in flight: sockets close, ping processes are killed.
    probeThreads.shutdownNow();
    try {
      if (!probeThreads.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Some probes did not end within {} of shutdown", SHUTDOWN_GRACE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("Stopped probing ({} results published)", published.get());
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Enabled targets being probed (or to be probed once started). */
  public synchronized int targetsConfigured() {
    return desired.size();
  }

  /** Due probes skipped because the target's previous probe was still running or waiting. */
  public long probesSkipped() {
    return skipped.get();
  }

  private void reconcile() {
    scheduled
        .entrySet()
        .removeIf(
            entry -> {
              if (!desired.containsKey(entry.getKey())) {
                entry.getValue().cancel();
                return true;
              }
              return false;
            });
    for (TargetConfig target : desired.values()) {
      ScheduledTarget current = scheduled.get(target.id());
      if (current != null && current.check().equals(Check.of(target))) {
        current.target = target;
        continue;
      }
      Duration interval = interval(target);
      Duration firstWithin = current == null ? interval : min(interval, CHANGED_CHECK_DELAY);
      if (current != null) {
        current.cancel();
      }
      var entry = new ScheduledTarget(target);
      long delay = ThreadLocalRandom.current().nextLong(Math.max(1, firstWithin.toMillis()));
      entry.future =
          timer.scheduleAtFixedRate(
              () -> due(entry), delay, interval.toMillis(), TimeUnit.MILLISECONDS);
      scheduled.put(target.id(), entry);
    }
  }

  /** On the timer thread: hands the probe to a virtual thread, never blocking the timer. */
  private void due(ScheduledTarget entry) {
    if (!entry.probing.compareAndSet(false, true)) {
      skipped.incrementAndGet();
      log.debug("Target {}: previous probe still running, skipping this one", entry.target.id());
      return;
    }
    try {
      probeThreads.execute(() -> probe(entry));
    } catch (RejectedExecutionException e) {
      entry.probing.set(false);
    }
  }

  private void probe(ScheduledTarget entry) {
    boolean acquired = false;
    try {
      inFlight.acquire();
      acquired = true;
      TargetConfig target = entry.target;
      ProbeResult result = prober.probe(target);
      // A target removed, disabled or changed while its probe ran: that result is stale.
      if (running && scheduled.get(target.id()) == entry) {
        results.accept(result);
        published.incrementAndGet();
        if (!result.up()) {
          log.debug("Target {} ({}) down: {}", target.id(), target.name(), result.error());
        }
      }
    } catch (InterruptedException e) {
      // Shutting down (or the target was dropped): nothing to report.
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Target {}: could not publish the probe result", entry.target.id(), e);
    } finally {
      if (acquired) {
        inFlight.release();
      }
      entry.probing.set(false);
    }
  }

  private static Duration interval(TargetConfig target) {
    int seconds =
        target.checkIntervalSeconds() > 0
            ? target.checkIntervalSeconds()
            : TargetConfig.DEFAULT_INTERVAL_SECONDS;
    return Duration.ofSeconds(seconds);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * One scheduled target: its schedule, its current settings, whether a probe of it is under way.
   */
  private static final class ScheduledTarget {
    volatile TargetConfig target;
    volatile ScheduledFuture<?> future;
    final AtomicBoolean probing = new AtomicBoolean();

    ScheduledTarget(TargetConfig target) {
      this.target = target;
    }

    Check check() {
      return Check.of(target);
    }

    void cancel() {
      if (future != null) {
        future.cancel(false);
      }
    }
  }

  /**
   * What a probe does and how often: a change here reschedules the target, any other change (name,
   * threshold, repeat interval, acknowledgement, site) only travels with the next result.
   */
  private record Check(
      String type,
      String address,
      int intervalSeconds,
      List<Integer> expectedStatusCodes,
      String keyword,
      Boolean followRedirects,
      Boolean verifyTls,
      Integer certExpiryWarningDays,
      String dnsRecordType,
      String dnsExpected,
      Integer timeoutSeconds) {

    static Check of(TargetConfig t) {
      return new Check(
          t.type(),
          t.address(),
          t.checkIntervalSeconds(),
          t.expectedStatusCodes(),
          t.keyword(),
          t.followRedirects(),
          t.verifyTls(),
          t.certExpiryWarningDays(),
          t.dnsRecordType(),
          t.dnsExpected(),
          t.timeoutSeconds());
    }
  }
}
