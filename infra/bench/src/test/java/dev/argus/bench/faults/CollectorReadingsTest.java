package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.bench.faults.CollectorReadings.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectorReadingsTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  private static Reading read(String device, double seconds, String collector) {
    return new Reading(device, T0.plusMillis((long) (seconds * 1000)), true, collector);
  }

  @Test
  void countsAPollPublishedTwiceOnce() {
    // Given: d1's poll at 1 s is on the topic twice
    var readings =
        new CollectorReadings(
            List.of(
                read("d1", 0, "a"), read("d1", 1, "a"), read("d1", 1, "a"), read("d2", 1, "a")));

    // Then
    assertThat(readings.duplicates()).isEqualTo(1);
    assertThat(readings.successfulByDevice()).isEqualTo(Map.of("d1", 3L, "d2", 1L));
  }

  @Test
  void findsTheLongestGapAndTheIntervalsWithinTheWindow() {
    // Given: d1 polled every second, then a 7 s gap (a kill and restart), then every second
    var readings =
        new CollectorReadings(
            List.of(
                read("d1", 0, "a"),
                read("d1", 1, "a"),
                read("d1", 2, "a"),
                read("d1", 9, "a"),
                read("d1", 10, "a"),
                read("d2", 0, "a"),
                read("d2", 1.5, "a")));

    // Then
    assertThat(readings.longestGap(List.of("d1", "d2"), T0, T0.plusSeconds(60)))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(readings.longestGap(List.of("d1"), T0.plusSeconds(9), T0.plusSeconds(60)))
        .isEqualTo(Duration.ofSeconds(1));
    List<Duration> intervals = readings.intervals(List.of("d1"), T0, T0.plusSeconds(60));
    assertThat(intervals)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(7));
    assertThat(CollectorReadings.quantile(intervals, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(CollectorReadings.quantile(intervals, 0.95)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void tellsWhichCollectorReadWhichDeviceAndWhatWasReadAfterAMoment() {
    var readings =
        new CollectorReadings(List.of(read("d1", 0, "a"), read("d2", 0, "b"), read("d2", 5, "a")));

    assertThat(readings.collectorsByDevice())
        .isEqualTo(Map.of("d1", Set.of("a"), "d2", Set.of("a", "b")));
    assertThat(readings.devicesReadAfter(T0.plusSeconds(1))).containsExactly("d2");
    assertThat(readings.firstAfter(T0.plusSeconds(1), List.of("d1"))).isNull();
    assertThat(readings.firstAfter(T0.plusSeconds(1), List.of("d2"))).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void roundsATimestampToTheMicrosecondsPostgresqlKeeps() {
    assertThat(CollectorReadings.storedPrecision(T0.plusNanos(123_456_499)))
        .isEqualTo(T0.plusNanos(123_456_000));
    assertThat(CollectorReadings.storedPrecision(T0.plusNanos(123_456_500)))
        .isEqualTo(T0.plusNanos(123_457_000));
  }
}
