package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

  @Test
  void everyKeyOnceIsExact() {
    Tally tally = Tally.of(List.of("a", "b", "c"), List.of("c", "a", "b"));

    assertThat(tally).isEqualTo(new Tally(3, 3, 0, 0, 0));
    assertThat(tally.exact()).isTrue();
  }

  @Test
  void countsMissingKeys() {
    Tally tally = Tally.of(List.of("a", "b", "c", "d"), List.of("a", "d"));

    assertThat(tally).isEqualTo(new Tally(4, 2, 2, 0, 0));
    assertThat(tally.exact()).isFalse();
  }

  @Test
  void countsEveryRowBeyondTheFirstOfAKeyAsDuplicated() {
    Tally tally = Tally.of(List.of("a", "b"), List.of("a", "a", "a", "b", "b"));

    assertThat(tally).isEqualTo(new Tally(2, 5, 0, 3, 0));
    assertThat(tally.exact()).isFalse();
  }

  @Test
  void countsRowsNeverExpectedApartFromDuplicates() {
    Tally tally = Tally.of(List.of("a"), List.of("a", "x", "x"));

    assertThat(tally).isEqualTo(new Tally(1, 3, 0, 1, 1));
  }

  @Test
  void expectedKeysListedTwiceCountOnce() {
    assertThat(Tally.of(List.of("a", "a"), List.of("a"))).isEqualTo(new Tally(1, 1, 0, 0, 0));
  }
}
