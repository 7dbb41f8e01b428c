package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRowTest {

  private static final Tally EXACT = new Tally(10, 10, 0, 0, 0);

  private static ScenarioRow row(Tally eventsOnTopic, long energyDiffering, boolean caughtUp) {
    return row(eventsOnTopic, energyDiffering, caughtUp, List.of());
  }

  private static ScenarioRow row(
      Tally eventsOnTopic, long energyDiffering, boolean caughtUp, List<Check> checks) {
    return new ScenarioRow(
        "processor-kill",
        "kill -9",
        EXACT,
        EXACT,
        EXACT,
        eventsOnTopic,
        5,
        energyDiffering,
        0,
        1,
        1,
        1.5,
        46.0,
        caughtUp,
        checks);
  }

  @Test
  void passesOnlyWithNothingLostDoubledOrMiscounted() {
    assertThat(row(EXACT, 0, true).passed()).isTrue();
    assertThat(row(new Tally(10, 11, 0, 1, 0), 0, true).passed()).isFalse();
    assertThat(row(EXACT, 1, true).passed()).isFalse();
    assertThat(row(EXACT, 0, false).passed()).isFalse();
  }

  @Test
  void theTableShowsADuplicateOnTheTopic() {
    String table = ScenarioRow.table(java.util.List.of(row(new Tally(10, 11, 0, 1, 0), 0, true)));

    assertThat(table)
        .contains("| processor-kill | 10 | 0 | 0 | 11 | 0 | 1 |")
        .contains("| 1.5 s | 46.0 s | **no** |");
  }

  @Test
  void aFailedCheckFailsTheRowAndShowsInTheTable() {
    Check passed = Check.count("deliveries per alert", 1, 1);
    Check failed = Check.of("api during the outage", "503 with a detail", "500 | boom\nx", false);

    assertThat(row(EXACT, 0, true, List.of(passed)).passed()).isTrue();
    ScenarioRow row = row(EXACT, 0, true, List.of(passed, failed));
    assertThat(row.passed()).isFalse();
    assertThat(ScenarioRow.table(List.of(row)))
        .contains("| processor-kill | deliveries per alert | 1 | 1 | yes |")
        .contains(
            "| processor-kill | api during the outage | 503 with a detail | 500 \\| boom x | **no**"
                + " |");
  }

  @Test
  void aMissingOrDoubledRecordOfAnotherKindFailsTheRowAndShowsInTheTable() {
    KindTally exact = new KindTally("probe results", "probe_results", EXACT, "t", EXACT);
    KindTally doubledOnTopic =
        new KindTally(
            "camera events", "camera_events (id)", EXACT, "c", new Tally(10, 11, 0, 1, 0));
    ScenarioRow base = row(EXACT, 0, true);
    ScenarioRow mixed = withMixed(base, List.of(exact, doubledOnTopic));

    assertThat(withMixed(base, List.of(exact)).passed()).isTrue();
    assertThat(mixed.passed()).isFalse();
    assertThat(ScenarioRow.table(List.of(mixed)))
        .contains(
            "| processor-kill | camera events | camera_events (id) | 10 | 10 | 0 | 0 | c | 11 | 0 |"
                + " 1 |");
  }

  private static ScenarioRow withMixed(ScenarioRow r, List<KindTally> mixed) {
    return new ScenarioRow(
        r.scenario(),
        r.fault(),
        r.readings(),
        r.events(),
        r.readingsOnTopic(),
        r.eventsOnTopic(),
        r.energyDevices(),
        r.energyDevicesDiffering(),
        r.energyMaxDifferenceWh(),
        r.energyStoredWh(),
        r.energyRecomputedWh(),
        r.secondsToRestart(),
        r.secondsToRecover(),
        r.caughtUp(),
        r.checks(),
        mixed);
  }
}
