package dev.argus.bench.faults;

import java.util.List;
import java.util.Locale;

/**
 * One scenario's counts: what was sent against what PostgreSQL holds once the pipeline has caught
 * up, and how long the stack took to recover from the fault.
 *
 * @param scenario the scenario's name, as given to {@code faults.sh}
 * @param fault what was done, in words
 * @param readings readings sent (acknowledged by the broker) against rows of {@code
 *     power_snapshots}, by (device id, timestamp)
 * @param events events the readings must derive against rows of {@code power_events}, by (device
 *     id, event type, timestamp)
 * @param readingsOnTopic readings sent against the records of {@code argus.readings.power}: the
 *     table's primary key would hide a doubled record, the topic does not
 * @param eventsOnTopic events expected against the committed records of {@code argus.events}
 * @param energyDevices devices whose {@code energy_totals} row was compared with the recomputation
 * @param energyDevicesDiffering devices whose stored total differs by more than {@link
 *     #ENERGY_TOLERANCE_WH} from the recomputation (or has no row)
 * @param energyMaxDifferenceWh the largest |stored - recomputed| of one device
 * @param energyStoredWh the stored totals of all devices, summed
 * @param energyRecomputedWh the recomputed totals of all devices, summed
 * @param secondsToRestart from the kill until the fault's process runs again (new pid)
 * @param secondsToRecover from the kill until new rows reach {@code power_snapshots} again
 * @param caughtUp whether every expected row arrived before the drain timeout
 * @param checks the scenario's own checks beside the counts; every one must pass
 * @param mixed the load's other kinds (probe results, target events, LLM probe readings, camera
 *     motion readings and their events), each counted in its table and on its topic
 */
public record ScenarioRow(
    String scenario,
    String fault,
    Tally readings,
    Tally events,
    Tally readingsOnTopic,
    Tally eventsOnTopic,
    long energyDevices,
    long energyDevicesDiffering,
    double energyMaxDifferenceWh,
    double energyStoredWh,
    double energyRecomputedWh,
    double secondsToRestart,
    double secondsToRecover,
    boolean caughtUp,
    List<Check> checks,
    List<KindTally> mixed) {

  public ScenarioRow {
    checks = List.copyOf(checks);
    mixed = List.copyOf(mixed);
  }

  /** A row of a load of power readings alone. */
  public ScenarioRow(
      String scenario,
      String fault,
      Tally readings,
      Tally events,
      Tally readingsOnTopic,
      Tally eventsOnTopic,
      long energyDevices,
      long energyDevicesDiffering,
      double energyMaxDifferenceWh,
      double energyStoredWh,
      double energyRecomputedWh,
      double secondsToRestart,
      double secondsToRecover,
      boolean caughtUp,
      List<Check> checks) {
    this(
        scenario,
        fault,
        readings,
        events,
        readingsOnTopic,
        eventsOnTopic,
        energyDevices,
        energyDevicesDiffering,
        energyMaxDifferenceWh,
        energyStoredWh,
        energyRecomputedWh,
        secondsToRestart,
        secondsToRecover,
        caughtUp,
        checks,
        List.of());
  }

  /** A scenario that could not run (its set-up failed): no counts, and {@code why} as a check. */
  static ScenarioRow notRun(String scenario, String fault, Check why) {
    Tally none = new Tally(0, 0, 0, 0, 0);
    return new ScenarioRow(
        scenario,
        fault,
        none,
        none,
        none,
        none,
        0,
        0,
        0,
        0,
        0,
        Double.NaN,
        Double.NaN,
        false,
        List.of(why));
  }

  /** Floating-point summation order aside, the two integrations must agree exactly. */
  public static final double ENERGY_TOLERANCE_WH = 1e-6;

  /** 0 lost, 0 doubled, every energy total equal to its recomputation. */
  public boolean passed() {
    return caughtUp
        && readings.exact()
        && events.exact()
        && readingsOnTopic.exact()
        && eventsOnTopic.exact()
        && energyDevicesDiffering == 0
        && mixed.stream().allMatch(KindTally::exact)
        && checks.stream().allMatch(Check::passed);
  }

  static String table(List<ScenarioRow> rows) {
    var md =
        new StringBuilder(
            "| scenario | readings sent | stored | missing | duplicated | events expected | derived"
                + " | missing | duplicated | energy: devices differing (largest difference) |"
                + " restart | recover | passed |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|\n");
    for (ScenarioRow r : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %d of %d (%.2g Wh) | %s"
                  + " | %s | %s |%n",
              r.scenario(),
              r.readings().expected(),
              r.readings().stored(),
              r.readings().missing(),
              r.readings().duplicated(),
              r.events().expected(),
              r.events().stored(),
              r.events().missing(),
              r.events().duplicated(),
              r.energyDevicesDiffering(),
              r.energyDevices(),
              r.energyMaxDifferenceWh(),
              seconds(r.secondsToRestart()),
              seconds(r.secondsToRecover()),
              r.passed() ? "yes" : "**no**"));
    }
    md.append(
        "\nOn the topics (read_committed; a doubled record shows here even where a primary key"
            + " hides it in the database):\n\n");
    md.append(
        "| scenario | argus.readings.power records | missing | duplicated | argus.events records"
            + " | missing | duplicated |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (ScenarioRow r : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,d | %,d | %,d | %,d |%n",
              r.scenario(),
              r.readingsOnTopic().stored(),
              r.readingsOnTopic().missing(),
              r.readingsOnTopic().duplicated(),
              r.eventsOnTopic().stored(),
              r.eventsOnTopic().missing(),
              r.eventsOnTopic().duplicated()));
    }
    if (rows.stream().anyMatch(r -> !r.mixed().isEmpty())) {
      md.append(
          "\nThe load's other kinds, in their tables and on their topics (read_committed):\n\n");
      md.append(
          "| scenario | kind | table (natural key) | expected | stored | missing | duplicated |"
              + " topic | records | missing | duplicated |\n");
      md.append("|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
      for (ScenarioRow r : rows) {
        for (KindTally k : r.mixed()) {
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s | %,d | %,d | %,d | %,d | %s | %,d | %,d | %,d |%n",
                  r.scenario(),
                  k.kind(),
                  k.table(),
                  k.stored().expected(),
                  k.stored().stored(),
                  k.stored().missing(),
                  k.stored().duplicated(),
                  k.topic(),
                  k.onTopic().stored(),
                  k.onTopic().missing(),
                  k.onTopic().duplicated()));
        }
      }
    }
    if (rows.stream().anyMatch(r -> !r.checks().isEmpty())) {
      md.append("\nChecks of each scenario beside the counts:\n\n");
      md.append("| scenario | check | expected | observed | passed |\n");
      md.append("|---|---|---|---|---|\n");
      for (ScenarioRow r : rows) {
        for (Check c : r.checks()) {
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s | %s | %s |%n",
                  r.scenario(),
                  cell(c.name()),
                  cell(c.expected()),
                  cell(c.observed()),
                  c.passed() ? "yes" : "**no**"));
        }
      }
    }
    md.append('\n');
    for (ScenarioRow r : rows) {
      md.append("- ").append(r.scenario()).append(": ").append(r.fault());
      long unexpected =
          r.readings().unexpected()
              + r.events().unexpected()
              + r.readingsOnTopic().unexpected()
              + r.eventsOnTopic().unexpected()
              + r.mixed().stream()
                  .mapToLong(k -> k.stored().unexpected() + k.onTopic().unexpected())
                  .sum();
      if (unexpected > 0) {
        md.append(
            String.format(
                Locale.ROOT,
                " Keys never sent or expected: %d readings and %d events stored, %d readings and"
                    + " %d events on the topics, %d of the other kinds.",
                r.readings().unexpected(),
                r.events().unexpected(),
                r.readingsOnTopic().unexpected(),
                r.eventsOnTopic().unexpected(),
                r.mixed().stream()
                    .mapToLong(k -> k.stored().unexpected() + k.onTopic().unexpected())
                    .sum()));
      }
      if (!r.caughtUp()) {
        md.append(" The pipeline had not caught up by the drain timeout.");
      }
      md.append(
          String.format(
              Locale.ROOT,
              " Energy stored %.3f Wh, recomputed %.3f Wh.%n",
              r.energyStoredWh(),
              r.energyRecomputedWh()));
    }
    return md.toString();
  }

  /** A table cell: pipes escaped and line breaks flattened, so a quoted body cannot break it. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace('\n', ' ');
  }

  /** A time of the table; a dash where the scenario restarts or awaits nothing (NaN). */
  private static String seconds(double seconds) {
    return Double.isNaN(seconds) ? "—" : String.format(Locale.ROOT, "%.1f s", seconds);
  }
}
