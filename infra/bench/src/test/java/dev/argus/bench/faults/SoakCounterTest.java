package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.bench.SyntheticFleet;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SoakCounterTest {

  private static final Instant BASE = Instant.parse("2026-12-03T10:00:00Z");
  private static final SyntheticFleet FLEET = new SyntheticFleet("faults-soak", 3, 10, 5);

  @Test
  void everyReadingOnceIsExact() {
    Soak.Counter counter = new Soak.Counter(FLEET, 2, BASE);
    for (int round = 0; round < 2; round++) {
      for (int device = 0; device < 3; device++) {
        counter.found(FLEET.deviceId(device), BASE.plusSeconds(round));
      }
    }

    assertThat(counter.tally()).isEqualTo(new Tally(6, 6, 0, 0, 0));
  }

  @Test
  void aMissingADoubledAndAStrangeReadingAreEachCounted() {
    Soak.Counter counter = new Soak.Counter(FLEET, 2, BASE);
    counter.found(FLEET.deviceId(0), BASE);
    counter.found(FLEET.deviceId(0), BASE);
    counter.found(FLEET.deviceId(1), BASE.plusSeconds(1));
    counter.found(FLEET.deviceId(2), BASE.plusSeconds(7));
    counter.found(FLEET.deviceId(2), BASE.plusMillis(500));
    counter.found("faults-soak-00009", BASE);
    counter.found("other-00000", BASE);

    Tally tally = counter.tally();
    assertThat(tally.expected()).isEqualTo(6);
    assertThat(tally.stored()).isEqualTo(7);
    assertThat(tally.missing()).isEqualTo(4);
    assertThat(tally.duplicated()).isEqualTo(1);
    assertThat(tally.unexpected()).isEqualTo(4);
    assertThat(tally.exact()).isFalse();
  }
}
