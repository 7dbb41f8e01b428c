package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.bench.faults.EnergyRecomputation.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyRecomputationTest {

  private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
  private static final Duration MAX_GAP = Duration.ofMinutes(15);

  private static Snapshot at(long seconds, Double watts) {
    return new Snapshot(T0.plusSeconds(seconds), watts, null);
  }

  @Test
  void integratesTrapezoidsInWattHours() {
    // (100 + 300) / 2 W over 1 h = 200 Wh; then 300 W over 30 min = 150 Wh
    List<Snapshot> snapshots = List.of(at(0, 100.0), at(3600, 300.0), at(5400, 300.0));

    assertThat(EnergyRecomputation.whTotal(snapshots, Duration.ofHours(1)))
        .isCloseTo(350.0, within(1e-9));
  }

  @Test
  void orderOfTheRowsDoesNotMatter() {
    List<Snapshot> snapshots = List.of(at(120, 200.0), at(0, 100.0), at(60, 100.0));

    // 100 W for 60 s, then (100 + 200) / 2 W for 60 s
    assertThat(EnergyRecomputation.whTotal(snapshots, MAX_GAP))
        .isCloseTo((100.0 * 60 + 150.0 * 60) / 3600, within(1e-9));
  }

  @Test
  void aDuplicatePointCountsOnce() {
    List<Snapshot> once = List.of(at(0, 100.0), at(60, 100.0), at(120, 100.0));
    List<Snapshot> twice = List.of(at(0, 100.0), at(60, 100.0), at(60, 100.0), at(120, 100.0));

    assertThat(EnergyRecomputation.whTotal(twice, MAX_GAP))
        .isEqualTo(EnergyRecomputation.whTotal(once, MAX_GAP));
  }

  @Test
  void failedPollsAndUnusablePowerAreNotPointsButAreIntegratedAcross() {
    List<Snapshot> snapshots =
        List.of(
            at(0, 100.0),
            new Snapshot(T0.plusSeconds(30), null, "timeout"),
            at(40, null),
            at(50, -5.0),
            at(55, Double.NaN),
            at(60, 100.0));

    assertThat(EnergyRecomputation.whTotal(snapshots, MAX_GAP))
        .isCloseTo(100.0 * 60 / 3600, within(1e-9));
  }

  @Test
  void aGapLongerThanTheMaximumIsNotIntegratedAndIntegrationResumesAfterIt() {
    List<Snapshot> snapshots =
        List.of(at(0, 100.0), at(60, 100.0), at(3660, 100.0), at(3720, 100.0));

    assertThat(EnergyRecomputation.whTotal(snapshots, MAX_GAP))
        .isCloseTo(2 * 100.0 * 60 / 3600, within(1e-9));
  }

  @Test
  void oneOrNoPointIsNoEnergy() {
    assertThat(EnergyRecomputation.whTotal(List.of(), MAX_GAP)).isZero();
    assertThat(EnergyRecomputation.whTotal(List.of(at(0, 500.0)), MAX_GAP)).isZero();
  }

  @Test
  void theComparisonCountsADifferingAndAMissingTotalButNotAnEqualOne() {
    List<Snapshot> minute = List.of(at(0, 100.0), at(60, 100.0));
    double wh = 100.0 * 60 / 3600;

    EnergyRecomputation.Comparison comparison =
        EnergyRecomputation.compare(
            java.util.Map.of("equal", minute, "differs", minute, "missing", minute),
            java.util.Map.of("equal", wh, "differs", wh + 0.5));

    assertThat(comparison.devices()).isEqualTo(3);
    assertThat(comparison.differing()).isEqualTo(2);
    assertThat(comparison.maxDifferenceWh()).isCloseTo(wh, within(1e-9));
    assertThat(comparison.storedWh()).isCloseTo(2 * wh + 0.5, within(1e-9));
    assertThat(comparison.recomputedWh()).isCloseTo(3 * wh, within(1e-9));
  }
}
