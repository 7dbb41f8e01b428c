package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlopeTest {

  @Test
  void aLineGrowingTenAMinuteGrowsSixHundredAnHour() {
    List<Slope.Point> points =
        IntStream.range(0, 10).mapToObj(i -> new Slope.Point(i * 60.0, 5 + i * 10.0)).toList();

    assertThat(Slope.perHour(points)).isCloseTo(600.0, within(1e-9));
  }

  @Test
  void noiseAroundAFlatLineGivesASlopeNearZero() {
    List<Slope.Point> points =
        IntStream.range(0, 20)
            .mapToObj(i -> new Slope.Point(i * 30.0, 100 + (i % 2 == 0 ? 3 : -3)))
            .toList();

    assertThat(Math.abs(Slope.perHour(points))).isLessThan(20.0);
  }

  @Test
  void fewerThanTwoSamplesHaveNoSlope() {
    assertThat(Slope.perHour(List.of(new Slope.Point(0, 1)))).isNaN();
    assertThat(Slope.perHour(List.of(new Slope.Point(5, 1), new Slope.Point(5, 2)))).isNaN();
  }

  @Test
  void theHalvesSplitTheSamples() {
    List<Slope.Point> points = IntStream.range(0, 5).mapToObj(i -> new Slope.Point(i, i)).toList();

    assertThat(Slope.firstHalf(points)).hasSize(2);
    assertThat(Slope.laterHalf(points)).hasSize(3).first().isEqualTo(new Slope.Point(2, 2));
  }
}
