package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.ReadingProducer;
import dev.argus.bench.SyntheticFleet;
import dev.argus.bench.faults.EnergyRecomputation.Snapshot;
import dev.argus.bench.faults.StoredTelemetry.EnergyTotal;
import dev.argus.contract.Topics;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One scenario: a steady load of power readings runs; halfway through second {@code killAfter} of
 * it the fault is injected (readings of the slices just sent are then in flight). Once the pipeline
 * has caught up (or the drain timeout passed), every reading sent is looked for in {@code
 * power_snapshots} and on {@code argus.readings.power}, every event the load must derive in {@code
 * power_events} and on {@code argus.events}, and every device's {@code energy_totals} row is
 * checked against an offline recomputation from the stored snapshots.
 */
final class FaultUnderLoad {

  /** The processor's default ENERGY_MAX_GAP; the harness's readings are 1 s apart anyway. */
  private static final Duration ENERGY_MAX_GAP = Duration.ofMinutes(15);

  private final BenchStack stack;
  private final FaultsOptions options;
  private final Fault fault;
  private final PrintStream out;

  FaultUnderLoad(BenchStack stack, FaultsOptions options, Fault fault, PrintStream out) {
    this.stack = stack;
    this.options = options;
    this.fault = fault;
    this.out = out;
  }

  ScenarioRow run() throws Exception {
    String name = fault.name();
    SyntheticFleet fleet = new SyntheticFleet("faults-" + name, options.devices(), 10, 5);
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    SteadyLoad load = new SteadyLoad(fleet, options.seconds(), base);
    List<SteadyLoad.ReadingKey> sent = load.readings();
    List<SteadyLoad.EventKey> expectedEvents = load.events();
    long injectAt = (long) options.killAfter() * options.devices() + options.devices() / 2;
    out.printf(
        "[%s] %,d readings/s for %d s (%,d readings, %,d events expected); fault at %d.5 s%n",
        name,
        options.devices(),
        options.seconds(),
        sent.size(),
        expectedEvents.size(),
        options.killAfter());
    fault.prepare(stack, out);
    try (RecoveryWatch watch = new RecoveryWatch(stack, fault.process(), fleet.prefix());
        ReadingProducer producer = new ReadingProducer(stack.kafkaBootstrap());
        var db = ReconnectingConnection.open(stack)) {
      StoredTelemetry stored = new StoredTelemetry(db, fleet.prefix());
      long[] atFault = {-1, -1};
      @SuppressWarnings("unchecked")
      CompletableFuture<Void>[] ended = new CompletableFuture[1];
      load.drive(
          producer,
          sentSoFar -> {
            if (atFault[0] < 0 && sentSoFar >= injectAt) {
              atFault[0] = sentSoFar;
              watch.faultInjected();
              ended[0] = injectQuietly();
              atFault[1] = countQuietly(stored);
            }
          });
      out.printf(
          "[%s] at the fault %,d readings had been sent and %,d stored; load sent, waiting for the"
              + " pipeline to catch up%n",
          name, atFault[0], atFault[1]);
      ended[0].get(options.drainTimeout(), TimeUnit.SECONDS);
      boolean caughtUp = awaitCaughtUp(stored, sent.size(), expectedEvents.size());
      watch.failure().ifPresent(e -> out.println("! recovery watch: " + e));
      out.printf(
          "[%s] %s back after %.1f s, rows flowing again after %.1f s%n",
          name, fault.process(), watch.secondsToRestart(), watch.secondsToRecover());
      String description =
          String.format(
              "%,d readings/s of %,d devices for %d s; at %d.5 s, when %,d readings had been sent"
                  + " and %,d stored: %s.",
              options.devices(),
              options.devices(),
              options.seconds(),
              options.killAfter(),
              atFault[0],
              atFault[1],
              fault.description());
      List<Check> checks = fault.verify(stack, out);
      double membersGone = watch.secondsUntilSinkMembersGone();
      if (!Double.isNaN(membersGone)) {
        description +=
            String.format(
                " The sink group's members of before the fault had all left it %.1f s after the"
                    + " fault.",
                membersGone);
      }
      return count(fleet, stored, sent, expectedEvents, watch, caughtUp, description, checks);
    }
  }

  private CompletableFuture<Void> injectQuietly() {
    try {
      return fault.inject(stack, out);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static long countQuietly(StoredTelemetry stored) {
    try {
      return stored.snapshotCount();
    } catch (SQLException e) {
      return -1;
    }
  }

  private boolean awaitCaughtUp(StoredTelemetry stored, long readings, long events)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(options.drainTimeout()).toNanos();
    long lastReport = System.nanoTime();
    while (true) {
      long snapshots = stored.snapshotCount();
      long derived = stored.eventCount();
      long energyBehind = stored.energyBehind();
      if (snapshots >= readings && derived >= events && energyBehind == 0) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        out.printf(
            "! not caught up after %d s: %,d of %,d readings, %,d of %,d events, %d devices'"
                + " energy behind%n",
            options.drainTimeout(), snapshots, readings, derived, events, energyBehind);
        return false;
      }
      if (System.nanoTime() - lastReport > 10_000_000_000L) {
        out.printf(
            "    ... %,d / %,d readings, %,d / %,d events, %d devices' energy behind%n",
            snapshots, readings, derived, events, energyBehind);
        lastReport = System.nanoTime();
      }
      Thread.sleep(500);
    }
  }

  private ScenarioRow count(
      SyntheticFleet fleet,
      StoredTelemetry stored,
      List<SteadyLoad.ReadingKey> sent,
      List<SteadyLoad.EventKey> expectedEvents,
      RecoveryWatch watch,
      boolean caughtUp,
      String description,
      List<Check> checks)
      throws Exception {
    Tally readings = Tally.of(sent, stored.readings());
    Tally events = Tally.of(expectedEvents, stored.events());
    String prefix = fleet.prefix() + "-";
    Tally readingsOnTopic =
        Tally.of(
            sent,
            TopicRecords.keys(
                stack.kafkaBootstrap(),
                Topics.READINGS_POWER,
                r -> r.deviceId().startsWith(prefix),
                r -> new SteadyLoad.ReadingKey(r.deviceId(), r.timestamp())));
    Tally eventsOnTopic =
        Tally.of(
            expectedEvents,
            TopicRecords.keys(
                stack.kafkaBootstrap(),
                Topics.EVENTS,
                e -> e.subjectId().startsWith(prefix),
                e -> new SteadyLoad.EventKey(e.subjectId(), e.eventType(), e.timestamp())));
    Map<String, List<Snapshot>> snapshots = stored.snapshotsByDevice();
    Map<String, EnergyTotal> totals = stored.energyTotals();
    long differing = 0;
    double maxDifference = 0;
    double storedWh = 0;
    double recomputedWh = 0;
    for (Map.Entry<String, List<Snapshot>> device : snapshots.entrySet()) {
      double recomputed = EnergyRecomputation.whTotal(device.getValue(), ENERGY_MAX_GAP);
      EnergyTotal total = totals.get(device.getKey());
      double difference = total == null ? recomputed : Math.abs(total.wh() - recomputed);
      if (total == null || difference > ScenarioRow.ENERGY_TOLERANCE_WH) {
        differing++;
      }
      maxDifference = Math.max(maxDifference, difference);
      storedWh += total == null ? 0 : total.wh();
      recomputedWh += recomputed;
    }
    return new ScenarioRow(
        fault.name(),
        description,
        readings,
        events,
        readingsOnTopic,
        eventsOnTopic,
        snapshots.size(),
        differing,
        maxDifference,
        storedWh,
        recomputedWh,
        watch.secondsToRestart(),
        watch.secondsToRecover(),
        caughtUp,
        checks);
  }
}
