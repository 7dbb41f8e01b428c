package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.ReadingProducer;
import dev.argus.bench.SyntheticFleet;
import dev.argus.bench.faults.EnergyRecomputation.Snapshot;
import dev.argus.bench.faults.StoredTelemetry.EnergyTotal;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.events.DerivedEvent;
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
 * checked against an offline recomputation from the stored snapshots. The load's other kinds
 * ({@link MixedKinds}) are counted the same way: probe results in {@code probe_results} and on
 * {@code argus.readings.probe}, the target events they must derive in {@code target_events} and on
 * {@code argus.events}, LLM probe readings in {@code llm_probe_results} and on {@code
 * argus.readings.llm}, camera motion readings on {@code argus.readings.camera} and the camera event
 * each must raise in {@code camera_events} and on {@code argus.camera.events}.
 */
final class FaultUnderLoad {

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
    long expectedMixed =
        load.probeResults().size()
            + load.targetEvents().size()
            + load.llmReadings().size()
            + load.cameraReadings().size();
    long injectAt = (long) options.killAfter() * options.devices() + options.devices() / 2;
    out.printf(
        "[%s] %,d readings/s for %d s (%,d readings, %,d events expected), with %d targets, %d"
            + " models and %d cameras (%,d rows expected); fault at %d.5 s%n",
        name,
        options.devices(),
        options.seconds(),
        sent.size(),
        expectedEvents.size(),
        load.mixed().targets(),
        load.mixed().models(),
        load.mixed().cameras(),
        expectedMixed,
        options.killAfter());
    fault.prepare(stack, out);
    try (RecoveryWatch watch = new RecoveryWatch(stack, fault.process(), fleet.prefix());
        ReadingProducer producer = new ReadingProducer(stack.kafkaBootstrap());
        RawProducer others = new RawProducer(stack.kafkaBootstrap());
        var db = ReconnectingConnection.open(stack)) {
      StoredTelemetry stored = new StoredTelemetry(db, fleet.prefix());
      long[] atFault = {-1, -1};
      @SuppressWarnings("unchecked")
      CompletableFuture<Void>[] ended = new CompletableFuture[1];
      load.drive(
          producer,
          others,
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
      boolean caughtUp =
          awaitCaughtUp(stored, load.mixed(), sent.size(), expectedEvents.size(), expectedMixed);
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
      return count(fleet, load, stored, sent, expectedEvents, watch, caughtUp, description, checks);
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

  private boolean awaitCaughtUp(
      StoredTelemetry stored, MixedKinds mixed, long readings, long events, long others)
      throws Exception {
    long firstTarget = mixed.targetId(0);
    long lastTarget = mixed.targetId(mixed.targets() - 1);
    long deadline = System.nanoTime() + Duration.ofSeconds(options.drainTimeout()).toNanos();
    long lastReport = System.nanoTime();
    while (true) {
      long snapshots = stored.snapshotCount();
      long derived = stored.eventCount();
      long energyBehind = stored.energyBehind();
      long mixedRows = stored.mixedCount(firstTarget, lastTarget);
      if (snapshots >= readings && derived >= events && energyBehind == 0 && mixedRows >= others) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        out.printf(
            "! not caught up after %d s: %,d of %,d readings, %,d of %,d events, %d devices'"
                + " energy behind, %,d of %,d rows of the other kinds%n",
            options.drainTimeout(),
            snapshots,
            readings,
            derived,
            events,
            energyBehind,
            mixedRows,
            others);
        return false;
      }
      if (System.nanoTime() - lastReport > 10_000_000_000L) {
        out.printf(
            "    ... %,d / %,d readings, %,d / %,d events, %d devices' energy behind, %,d / %,d"
                + " other rows%n",
            snapshots, readings, derived, events, energyBehind, mixedRows, others);
        lastReport = System.nanoTime();
      }
      Thread.sleep(500);
    }
  }

  private ScenarioRow count(
      SyntheticFleet fleet,
      SteadyLoad load,
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
                r -> startsWith(r.deviceId(), prefix),
                r -> new SteadyLoad.ReadingKey(r.deviceId(), r.timestamp())));
    Tally eventsOnTopic =
        Tally.of(
            expectedEvents,
            TopicRecords.keys(
                stack.kafkaBootstrap(),
                Topics.EVENTS,
                e -> startsWith(e.subjectId(), prefix),
                e -> new SteadyLoad.EventKey(e.subjectId(), e.eventType(), e.timestamp())));
    Map<String, List<Snapshot>> snapshots = stored.snapshotsByDevice();
    Map<String, EnergyTotal> totals = stored.energyTotals();
    EnergyRecomputation.Comparison energy =
        EnergyRecomputation.compare(snapshots, storedWh(totals));
    return new ScenarioRow(
        fault.name(),
        description,
        readings,
        events,
        readingsOnTopic,
        eventsOnTopic,
        energy.devices(),
        energy.differing(),
        energy.maxDifferenceWh(),
        energy.storedWh(),
        energy.recomputedWh(),
        watch.secondsToRestart(),
        watch.secondsToRecover(),
        caughtUp,
        checks,
        mixed(load, stored));
  }

  private List<KindTally> mixed(SteadyLoad load, StoredTelemetry stored) throws Exception {
    MixedKinds kinds = load.mixed();
    long first = kinds.targetId(0);
    long last = kinds.targetId(kinds.targets() - 1);
    String ids = kinds.readingIdPrefix();
    String bootstrap = stack.kafkaBootstrap();
    List<MixedKinds.ProbeKey> probes = load.probeResults();
    List<SteadyLoad.EventKey> targetEvents = load.targetEvents();
    List<String> llm = load.llmReadings();
    List<String> camera = load.cameraReadings();
    return List.of(
        new KindTally(
            "probe results",
            "probe_results (target_id, ts)",
            Tally.of(probes, stored.probeResults(first, last)),
            Topics.READINGS_PROBE.name(),
            Tally.of(
                probes,
                TopicRecords.keys(
                    bootstrap,
                    Topics.READINGS_PROBE,
                    r -> r.targetId() >= first && r.targetId() <= last,
                    r -> new MixedKinds.ProbeKey(r.targetId(), r.timestamp())))),
        new KindTally(
            "target events",
            "target_events (target_id, event_type, ts)",
            Tally.of(targetEvents, stored.targetEvents(first, last)),
            Topics.EVENTS.name() + " (source target)",
            Tally.of(
                targetEvents,
                TopicRecords.keys(
                    bootstrap,
                    Topics.EVENTS,
                    e -> DerivedEvent.SOURCE_TARGET.equals(e.source()) && inRange(e, first, last),
                    e -> new SteadyLoad.EventKey(e.subjectId(), e.eventType(), e.timestamp())))),
        new KindTally(
            "LLM probe readings",
            "llm_probe_results (reading_id)",
            Tally.of(llm, stored.llmReadings()),
            Topics.READINGS_LLM.name(),
            Tally.of(
                llm,
                TopicRecords.keys(
                    bootstrap,
                    Topics.READINGS_LLM,
                    r -> startsWith(r.readingId(), ids),
                    r -> r.readingId()))),
        new KindTally(
            "camera motion readings",
            "camera_events (reading_id; id = idFor(reading))",
            Tally.of(camera, stored.cameraEventReadings()),
            Topics.READINGS_CAMERA.name(),
            Tally.of(
                camera,
                TopicRecords.keys(
                    bootstrap,
                    Topics.READINGS_CAMERA,
                    r -> startsWith(r.readingId(), ids),
                    r -> r.readingId()))),
        new KindTally(
            "camera events",
            "camera_events (id)",
            Tally.of(camera.stream().map(CameraEvent::idFor).toList(), stored.cameraEventIds()),
            Topics.CAMERA_EVENTS.name(),
            Tally.of(
                camera.stream().map(CameraEvent::idFor).toList(),
                TopicRecords.keys(
                    bootstrap,
                    Topics.CAMERA_EVENTS,
                    e -> startsWith(e.readingId(), ids),
                    e -> e.eventId()))));
  }

  private static boolean inRange(DerivedEvent event, long first, long last) {
    try {
      long target = Long.parseLong(event.subjectId());
      return target >= first && target <= last;
    } catch (NumberFormatException notATarget) {
      return false;
    }
  }

  private static boolean startsWith(String value, String prefix) {
    return value != null && value.startsWith(prefix);
  }

  private static Map<String, Double> storedWh(Map<String, EnergyTotal> totals) {
    Map<String, Double> wh = new java.util.HashMap<>();
    totals.forEach((device, total) -> wh.put(device, total.wh()));
    return wh;
  }
}
