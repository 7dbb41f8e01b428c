package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenarioRowTest {

  private static final Tally EXACT = new Tally(10, 10, 0, 0, 0);

  private static ScenarioRow row(Tally eventsOnTopic, long energyDiffering, boolean caughtUp) {
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
        caughtUp);
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

    assertThat(table).contains("| processor-kill | 10 | 0 | 0 | 11 | 0 | 1 |").contains("**no**");
  }
}
