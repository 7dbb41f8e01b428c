package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestPerKeyTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");

  private record Row(String key, Instant at, String label) {}

  @Test
  void theNewestRowOfEachKeyIsKeptSortedByKey() {
    List<Row> rows =
        List.of(
            new Row("b", T0.plusSeconds(60), "b-newest"),
            new Row("a", T0, "a-old"),
            new Row("b", T0, "b-old"),
            new Row("a", T0.plusSeconds(30), "a-newest"));

    assertThat(NewestPerKey.of(rows, Row::key, Row::at))
        .extracting(Row::label)
        .containsExactly("a-newest", "b-newest");
  }

  @Test
  void ofRowsWithTheSameTimeTheLaterInTheBatchWins() {
    List<Row> rows = List.of(new Row("a", T0, "first"), new Row("a", T0, "second"));

    assertThat(NewestPerKey.of(rows, Row::key, Row::at))
        .extracting(Row::label)
        .containsExactly("second");
  }

  @Test
  void keysAreOrderedByTheGivenOrder() {
    List<Row> rows = List.of(new Row("a", T0, "a"), new Row("b", T0, "b"));

    assertThat(NewestPerKey.of(rows, Row::key, Comparator.<String>reverseOrder(), Row::at))
        .extracting(Row::label)
        .containsExactly("b", "a");
  }
}
