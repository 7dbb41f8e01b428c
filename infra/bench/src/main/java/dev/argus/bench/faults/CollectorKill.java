package dev.argus.bench.faults;

import static dev.argus.bench.faults.CollectorFleetStack.POLL_INTERVAL;
import static dev.argus.bench.faults.CollectorFleetStack.seconds;

import dev.argus.bench.BenchStack;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code collector-kill}: the collector polls {@code --devices} simulated UPSes over NUT every
 * second; halfway through second {@code --kill-after} of its polling, right after a cycle started
 * (the simulator has just served one of its polls), its JVM gets SIGKILL and the stack's supervisor
 * starts it again. Checked: it polls every device again at the poll interval, no poll is published
 * twice, no gap is longer than the kill and restart, the api shows the collector stale and then ok,
 * and the polls lost are at most the cycle the kill cut.
 */
final class CollectorKill implements Scenario {

  static final String NAME = "collector-kill";
  private static final String COLLECTOR = "collector";
  private static final String COLLECTOR_ID = "local-collector";

  private final FaultsOptions options;

  CollectorKill(FaultsOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScenarioRow run(FaultsContext context) throws Exception {
    PrintStream out = context.out();
    int devices = options.devices();
    try (SimulatedUpsFleet fleet = SimulatedUpsFleet.start("ck", devices)) {
      BenchStack stack =
          context.ownStack(
              NAME,
              builder ->
                  builder
                      .extraDevices(fleet.uris())
                      .pollInterval(POLL_INTERVAL)
                      .serviceEnvironment(CollectorFleetStack.environment()));
      Duration drain = Duration.ofSeconds(options.drainTimeout());
      CollectorFleetStack.awaitPolled(fleet, fleet.deviceIds(), 2, drain);
      Instant polling = Instant.now();
      out.printf(
          "[%s] the collector polls %d UPSes every %d s; kill at %d.5 s%n",
          NAME, devices, POLL_INTERVAL.toSeconds(), options.killAfter());
      try (CollectorHealthWatch health =
          new CollectorHealthWatch(stack.apiBaseUrl(), stack.adminKey())) {
        Thread.sleep(options.killAfter() * 1000L + 500);
        CollectorFleetStack.awaitCycleRunning(fleet);
        long oldPid = stack.jvmPids().get(COLLECTOR);
        long servedAtKill = fleet.totalPollsServed();
        Instant killedAt = CollectorFleetStack.kill(stack, COLLECTOR, out);
        Instant restartedAt =
            CollectorFleetStack.awaitRestart(stack, COLLECTOR, oldPid, Duration.ofSeconds(60));
        Map<String, Long> servedAtRestart = fleet.pollsServed();
        CollectorFleetStack.awaitPolledAgain(fleet, fleet.deviceIds(), servedAtRestart, drain);
        Instant allPolledAgain = Instant.now();
        out.printf(
            "[%s] restarted after %.1f s, every device polled again after %.1f s%n",
            NAME, seconds(killedAt, restartedAt), seconds(killedAt, allPolledAgain));
        // Watch the new collector's schedule for a while, and the api showing it live again.
        long until =
            Math.max(
                polling.plusSeconds(options.seconds()).toEpochMilli(),
                allPolledAgain.plusSeconds(15).toEpochMilli());
        while (System.currentTimeMillis() < until
            || !shownLiveAgain(health, killedAt)
                && System.currentTimeMillis() < until + drain.toMillis()) {
          Thread.sleep(200);
        }
        CollectorFleetStack.awaitPolledAgain(fleet, fleet.deviceIds(), servedAtRestart, drain);
        CollectorFleetCount.Result count = CollectorFleetCount.count(stack, fleet, drain, out);
        Instant firstAfter = count.readings().firstAfter(killedAt, fleet.deviceIds());
        List<Check> checks =
            checks(fleet, count, health, killedAt, restartedAt, firstAfter, allPolledAgain);
        String description =
            String.format(
                Locale.ROOT,
                "the collector polling %d simulated UPSes over NUT every %d s; SIGKILL to its JVM"
                    + " %d.5 s into its polling, mid-cycle (%,d polls served so far); the"
                    + " supervisor restarted it. Heartbeat every %d s (stale after %d s). %s"
                    + " Polls served %,d. Health: %s.",
                devices,
                POLL_INTERVAL.toSeconds(),
                options.killAfter(),
                servedAtKill,
                CollectorFleetStack.HEARTBEAT_INTERVAL.toSeconds(),
                CollectorFleetStack.HEARTBEAT_INTERVAL.toSeconds() * 3,
                powerEvents(count, killedAt),
                count.pollsServed(),
                health.describe(COLLECTOR_ID, killedAt));
        return count.row(
            NAME,
            description,
            seconds(killedAt, restartedAt),
            seconds(killedAt, firstAfter),
            checks);
      }
    }
  }

  private List<Check> checks(
      SimulatedUpsFleet fleet,
      CollectorFleetCount.Result count,
      CollectorHealthWatch health,
      Instant killedAt,
      Instant restartedAt,
      Instant firstAfter,
      Instant allPolledAgain) {
    CollectorReadings readings = count.readings();
    List<String> devices = fleet.deviceIds();
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.count(
            "devices read after the restart",
            devices.size(),
            readings.devicesReadAfter(restartedAt == null ? killedAt : restartedAt).size()));
    // From the second cycle after the restart on: the first cycle's start is the restart.
    Instant steady = firstAfter == null ? count.frozenAt() : firstAfter.plus(POLL_INTERVAL);
    List<Duration> intervals = readings.intervals(devices, steady, count.frozenAt());
    Duration median = CollectorReadings.quantile(intervals, 0.5);
    Duration p95 = CollectorReadings.quantile(intervals, 0.95);
    checks.add(
        Check.of(
            "poll interval after the restart",
            "median between "
                + POLL_INTERVAL.dividedBy(2).toMillis()
                + " and "
                + POLL_INTERVAL.multipliedBy(3).dividedBy(2).toMillis()
                + " ms",
            String.format(
                "median %d ms, p95 %d ms, over %,d intervals",
                median.toMillis(), p95.toMillis(), intervals.size()),
            !intervals.isEmpty()
                && median.compareTo(POLL_INTERVAL.dividedBy(2)) >= 0
                && median.compareTo(POLL_INTERVAL.multipliedBy(3).dividedBy(2)) <= 0));
    checks.add(
        Check.count("polls published twice (argus.readings.power)", 0, readings.duplicates()));
    // A device's gap across the kill: from its last reading before the kill (at most its longest
    // interval before, plus one poll interval of a cycle due but not yet run) to its reading in
    // the restarted collector's first cycle (done when every device was polled again).
    Duration restart = Duration.between(killedAt, allPolledAgain);
    Duration longestBefore = readings.longestGap(devices, Instant.EPOCH, killedAt);
    Duration allowed = restart.plus(longestBefore).plus(POLL_INTERVAL);
    Duration gap = readings.longestGap(devices, Instant.EPOCH, count.frozenAt());
    checks.add(
        Check.of(
            "longest gap of a device",
            String.format(
                Locale.ROOT,
                "at most the restart until every device was polled again (%.1f s) + the longest"
                    + " interval before the kill (%.1f s) + a poll interval",
                restart.toMillis() / 1e3,
                longestBefore.toMillis() / 1e3),
            String.format(Locale.ROOT, "%.1f s", gap.toMillis() / 1e3),
            gap.compareTo(allowed) <= 0));
    Duration after = readings.longestGap(devices, allPolledAgain, count.frozenAt());
    checks.add(
        Check.of(
            "longest gap after the restart",
            String.format(
                Locale.ROOT,
                "at most the longest interval before the kill (%.1f s) + a poll interval",
                longestBefore.toMillis() / 1e3),
            String.format(Locale.ROOT, "%.1f s", after.toMillis() / 1e3),
            after.compareTo(longestBefore.plus(POLL_INTERVAL)) <= 0));
    Instant stale = health.firstShown(COLLECTOR_ID, "stale", killedAt);
    Instant live = stale == null ? null : health.firstShown(COLLECTOR_ID, "ok", stale);
    checks.add(
        Check.of(
            "api: collector stale, then ok",
            "stale after the kill, then ok",
            stale == null
                ? "never stale: " + health.describe(COLLECTOR_ID, killedAt)
                : String.format(
                    Locale.ROOT,
                    "stale at +%.1f s, ok at +%.1f s",
                    seconds(killedAt, stale),
                    seconds(killedAt, live)),
            stale != null && live != null));
    checks.add(count.pollsCheck("polls served against readings", devices.size()));
    return checks;
  }

  private static boolean shownLiveAgain(CollectorHealthWatch health, Instant killedAt) {
    Instant stale = health.firstShown(COLLECTOR_ID, "stale", killedAt);
    return stale != null && health.firstShown(COLLECTOR_ID, "ok", stale) != null;
  }

  /** The offline and online events the restart caused, in words. */
  private static String powerEvents(CollectorFleetCount.Result count, Instant killedAt) {
    long offline =
        count.events().stream()
            .filter(e -> e.type().equals("device_offline") && e.at().isAfter(killedAt))
            .filter(e -> e.at().isBefore(count.frozenAt()))
            .count();
    long online =
        count.events().stream()
            .filter(e -> e.type().equals("device_online") && e.at().isAfter(killedAt))
            .count();
    return String.format(
        "While it was down the processor declared %d device(s) offline by silence; %d came back"
            + " online.",
        offline, online);
  }
}
