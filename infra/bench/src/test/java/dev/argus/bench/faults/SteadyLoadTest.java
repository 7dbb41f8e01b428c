package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.bench.SyntheticFleet;
import dev.argus.bench.faults.SteadyLoad.EventKey;
import dev.argus.bench.faults.SteadyLoad.ReadingKey;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SteadyLoadTest {

  private static final Instant BASE = Instant.parse("2026-12-03T12:00:00Z");

  @Test
  void everyReadingHasItsOwnNaturalKey() {
    SteadyLoad load = new SteadyLoad(new SyntheticFleet("t", 20, 10, 5), 30, BASE);

    assertThat(load.readings()).hasSize(600);
    assertThat(new HashSet<>(load.readings())).hasSize(600);
    assertThat(load.readings()).contains(new ReadingKey("t-00019", BASE.plusSeconds(29)));
  }

  @Test
  void expectsOneEventPerChangeOfTheFlippingDevices() {
    SyntheticFleet fleet = new SyntheticFleet("t", 20, 10, 5);
    SteadyLoad load = new SteadyLoad(fleet, 12, BASE);

    // devices 0 and 10 flip: OL for readings 0-4, OB for 5-9, OL again from 10
    assertThat(load.events())
        .containsExactlyInAnyOrder(
            new EventKey("t-00000", "on_battery", BASE.plusSeconds(5)),
            new EventKey("t-00000", "power_restored", BASE.plusSeconds(10)),
            new EventKey("t-00010", "on_battery", BASE.plusSeconds(5)),
            new EventKey("t-00010", "power_restored", BASE.plusSeconds(10)));
    assertThat(load.events()).hasSize((int) fleet.expectedEvents(12));
  }
}
