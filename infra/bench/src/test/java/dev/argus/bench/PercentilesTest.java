package dev.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankPicksMeasuredSamplesWhateverTheOrder() {
    // Given the samples 1..200 in shuffled order
    List<Double> samples = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      samples.add((double) i);
    }
    Collections.shuffle(samples);

    // When
    Percentiles p = Percentiles.of(samples);

    // Then
    assertThat(p.count()).isEqualTo(200);
    assertThat(p.p50()).isEqualTo(100.0);
    assertThat(p.p95()).isEqualTo(190.0);
    assertThat(p.p99()).isEqualTo(198.0);
    assertThat(p.max()).isEqualTo(200.0);
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    assertThat(Percentiles.of(List.of(7.0))).isEqualTo(new Percentiles(1, 7.0, 7.0, 7.0, 7.0));
  }

  @Test
  void noSamplesIsAnError() {
    assertThatThrownBy(() -> Percentiles.of(List.of())).hasMessageContaining("no samples");
  }
}
