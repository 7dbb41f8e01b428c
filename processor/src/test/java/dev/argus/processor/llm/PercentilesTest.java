package dev.argus.processor.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.argus.contract.llm.BenchmarkStatistics.Summary;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type-7 percentiles against values computed by hand: position (n − 1) · p / 100. */
class PercentilesTest {

  private static final double EXACT = 1e-9;

  @Test
  void interpolatesBetweenClosestRanks() {
    double[] values = {1, 2, 3, 4};

    // position 1.5 → 2 + 0.5 · (3 − 2)
    assertThat(Percentiles.of(values, 50)).isCloseTo(2.5, within(EXACT));
    // position 2.85 → 3 + 0.85 · (4 − 3)
    assertThat(Percentiles.of(values, 95)).isCloseTo(3.85, within(EXACT));
    // position 2.97 → 3 + 0.97 · (4 − 3)
    assertThat(Percentiles.of(values, 99)).isCloseTo(3.97, within(EXACT));
    assertThat(Percentiles.of(values, 0)).isEqualTo(1);
    assertThat(Percentiles.of(values, 100)).isEqualTo(4);
  }

  @Test
  void interpolatesUnevenGaps() {
    double[] values = {15, 20, 35, 40, 50};

    // position 1.6 → 20 + 0.6 · 15
    assertThat(Percentiles.of(values, 40)).isCloseTo(29, within(EXACT));
    // position 3.8 → 40 + 0.8 · 10
    assertThat(Percentiles.of(values, 95)).isCloseTo(48, within(EXACT));
    // position 2 exactly → the middle value
    assertThat(Percentiles.of(values, 50)).isEqualTo(35);
  }

  @Test
  void oneValueIsEveryPercentile() {
    double[] values = {7};

    assertThat(Percentiles.of(values, 50)).isEqualTo(7);
    assertThat(Percentiles.of(values, 99)).isEqualTo(7);
  }

  @Test
  void sortedDropsNullsAndValuesThatAreNotFinite() {
    double[] sorted =
        Percentiles.sorted(
            Arrays.asList(4.0, null, 1.0, Double.NaN, 3.0, Double.POSITIVE_INFINITY));

    assertThat(sorted).containsExactly(1.0, 3.0, 4.0);
  }

  @Test
  void summaryHasPercentilesMeanMinAndMax() {
    Summary summary = Percentiles.summary(List.of(4.0, 2.0, 1.0, 3.0));

    assertThat(summary.p50()).isCloseTo(2.5, within(EXACT));
    assertThat(summary.p95()).isCloseTo(3.85, within(EXACT));
    assertThat(summary.p99()).isCloseTo(3.97, within(EXACT));
    assertThat(summary.mean()).isCloseTo(2.5, within(EXACT));
    assertThat(summary.min()).isEqualTo(1);
    assertThat(summary.max()).isEqualTo(4);
  }

  @Test
  void noValuesGiveAnEmptySummaryAndNoPercentile() {
    assertThat(Percentiles.summary(List.of()))
        .isEqualTo(new Summary(null, null, null, null, null, null));
    assertThatThrownBy(() -> Percentiles.of(new double[0], 50))
        .hasMessageContaining("at least one value");
    assertThatThrownBy(() -> Percentiles.of(new double[] {1}, 101))
        .hasMessageContaining("between 0 and 100");
  }
}
