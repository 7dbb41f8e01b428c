package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.faults.EnergyRecomputation.Snapshot;
import dev.argus.bench.faults.StoredTelemetry.EnergyTotal;
import dev.argus.contract.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The end of a scenario whose readings a real collector takes from a {@link SimulatedUpsFleet}: the
 * fleet's drivers are turned off (the collector keeps polling, but every poll now fails, so the
 * count of successful polls the simulator served is fixed), and once the last successful readings
 * are through, what the topics hold is counted against what PostgreSQL stored, the polls served
 * against the successful readings published, and each device's energy total against its
 * recomputation.
 *
 * <p>The collector's readings are not known before they are sent, so the topic is the reference:
 * every record of {@code argus.readings.power} (and {@code argus.events}) up to a bound is looked
 * for in {@code power_snapshots} ({@code power_events}); a record doubled on the topic shows in the
 * topic's own tally.
 */
final class CollectorFleetCount {

  // Readings are published within a poll cycle of their timestamp; a bound this far before the
  // topic is read leaves none on its way when it is read.
  private static final Duration IN_FLIGHT = Duration.ofSeconds(10);

  /**
   * @param readings every record of the fleet on {@code argus.readings.power}
   * @param events the fleet's records on {@code argus.events} (device, type, timestamp)
   * @param frozenAt when the drivers were turned off: successful readings end here
   * @param pollsServed successful polls the simulator answered, by device
   * @param pollsWithoutReading polls served whose successful reading is not on the topic
   * @param readingsWithoutPoll successful readings beyond the polls served (a poll published twice)
   */
  record Result(
      CollectorReadings readings,
      List<SteadyLoad.EventKey> events,
      Instant frozenAt,
      long pollsServed,
      long pollsWithoutReading,
      long readingsWithoutPoll,
      Tally stored,
      Tally onTopic,
      Tally eventsStored,
      Tally eventsOnTopic,
      long energyDevices,
      long energyDevicesDiffering,
      double energyMaxDifferenceWh,
      double energyStoredWh,
      double energyRecomputedWh,
      boolean caughtUp) {

    ScenarioRow row(
        String scenario,
        String description,
        double secondsToRestart,
        double secondsToRecover,
        List<Check> checks) {
      return new ScenarioRow(
          scenario,
          description,
          stored,
          eventsStored,
          onTopic,
          eventsOnTopic,
          energyDevices,
          energyDevicesDiffering,
          energyMaxDifferenceWh,
          energyStoredWh,
          energyRecomputedWh,
          secondsToRestart,
          secondsToRecover,
          caughtUp,
          checks);
    }

    /** The polls served against the successful readings, as a check. */
    Check pollsCheck(String name, long allowedWithoutReading) {
      return Check.of(
          name,
          allowedWithoutReading == 0
              ? "every successful poll served has its reading, once"
              : "at most "
                  + allowedWithoutReading
                  + " polls served without a reading (the cycle the kill cut), none read twice",
          String.format(
              "%,d polls served; %,d without a reading, %,d readings beyond the polls",
              pollsServed, pollsWithoutReading, readingsWithoutPoll),
          pollsWithoutReading <= allowedWithoutReading && readingsWithoutPoll == 0);
    }
  }

  private CollectorFleetCount() {}

  static Result count(
      BenchStack stack, SimulatedUpsFleet fleet, Duration drainTimeout, PrintStream out)
      throws Exception {
    fleet.driversConnected(false);
    Instant frozenAt = Instant.now();
    Map<String, Long> served = fleet.pollsServed();
    out.printf(
        "[count] drivers off: %,d successful polls served; waiting for the last readings%n",
        served.values().stream().mapToLong(Long::longValue).sum());
    Thread.sleep(IN_FLIGHT.toMillis() + 2_000);
    Instant bound = Instant.now().minus(IN_FLIGHT);
    CollectorReadings readings =
        CollectorReadings.fromTopic(stack.kafkaBootstrap(), fleet.prefix());
    List<SteadyLoad.ReadingKey> readingKeys = readings.keysUpTo(bound);
    try (var db = stack.connect()) {
      StoredTelemetry stored = new StoredTelemetry(db, fleet.prefix());
      // Readings stored and every energy total as of its newest reading: the Streams topology has
      // seen every reading, so the events they derive are on the topic when it is read next.
      boolean caughtUp =
          awaitStored(
              stored, new HashSet<>(readingKeys).size(), bound, 0, frozenAt, drainTimeout, out);
      String start = fleet.prefix() + "-";
      List<SteadyLoad.EventKey> events =
          TopicRecords.keys(
              stack.kafkaBootstrap(),
              Topics.EVENTS,
              e -> e.subjectId().startsWith(start),
              e ->
                  new SteadyLoad.EventKey(
                      e.subjectId(),
                      e.eventType(),
                      CollectorReadings.storedPrecision(e.timestamp())));
      // Events up to the freeze only: the failed polls after it derive device_offline events that
      // may still be on their way.
      List<SteadyLoad.EventKey> eventKeys =
          events.stream().filter(e -> !e.at().isAfter(frozenAt)).toList();
      caughtUp &=
          awaitStored(
              stored,
              new HashSet<>(readingKeys).size(),
              bound,
              new HashSet<>(eventKeys).size(),
              frozenAt,
              drainTimeout,
              out);
      List<SteadyLoad.ReadingKey> storedReadings =
          stored.readings().stream().filter(k -> !k.at().isAfter(bound)).toList();
      List<SteadyLoad.EventKey> storedEvents =
          stored.events().stream().filter(k -> !k.at().isAfter(frozenAt)).toList();
      long withoutReading = 0;
      long withoutPoll = 0;
      Map<String, Long> successful = readings.successfulByDevice();
      for (Map.Entry<String, Long> device : served.entrySet()) {
        long read = successful.getOrDefault(device.getKey(), 0L);
        withoutReading += Math.max(0, device.getValue() - read);
        withoutPoll += Math.max(0, read - device.getValue());
      }
      Map<String, List<Snapshot>> snapshots = stored.snapshotsByDevice();
      Map<String, EnergyTotal> totals = stored.energyTotals();
      EnergyRecomputation.Comparison energy =
          EnergyRecomputation.compare(snapshots, storedWh(totals));
      return new Result(
          readings,
          events,
          frozenAt,
          served.values().stream().mapToLong(Long::longValue).sum(),
          withoutReading,
          withoutPoll,
          Tally.of(new HashSet<>(readingKeys), storedReadings),
          Tally.of(
              new HashSet<>(readings.all().stream().map(r -> r.key()).toList()), keys(readings)),
          Tally.of(new HashSet<>(eventKeys), storedEvents),
          Tally.of(new HashSet<>(events), events),
          energy.devices(),
          energy.differing(),
          energy.maxDifferenceWh(),
          energy.storedWh(),
          energy.recomputedWh(),
          caughtUp);
    }
  }

  private static List<SteadyLoad.ReadingKey> keys(CollectorReadings readings) {
    return readings.all().stream().map(CollectorReadings.Reading::key).toList();
  }

  /** Waits until the readings up to one bound and the events up to another are stored. */
  private static boolean awaitStored(
      StoredTelemetry stored,
      long readings,
      Instant readingBound,
      long events,
      Instant eventBound,
      Duration drainTimeout,
      PrintStream out)
      throws Exception {
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    while (true) {
      long storedReadings =
          stored.readings().stream().filter(k -> !k.at().isAfter(readingBound)).count();
      long storedEvents = stored.events().stream().filter(k -> !k.at().isAfter(eventBound)).count();
      long energyBehind = stored.energyBehind();
      if (storedReadings >= readings && storedEvents >= events && energyBehind == 0) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        out.printf(
            "! not caught up after %d s: %,d of %,d readings, %,d of %,d events, %d devices'"
                + " energy behind%n",
            drainTimeout.toSeconds(), storedReadings, readings, storedEvents, events, energyBehind);
        return false;
      }
      Thread.sleep(1_000);
    }
  }

  private static Map<String, Double> storedWh(Map<String, EnergyTotal> totals) {
    Map<String, Double> wh = new java.util.HashMap<>();
    totals.forEach((device, total) -> wh.put(device, total.wh()));
    return wh;
  }
}
