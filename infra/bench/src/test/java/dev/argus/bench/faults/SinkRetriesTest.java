package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SinkRetriesTest {

  private static String retry(String thread, String wait) {
    return "2026-12-03T22:33:10.101Z  WARN 10315 --- [argus-processor] ["
        + thread
        + "] dev.argus.processor.sink.TelemetrySink   : Could not write to PostgreSQL:"
        + " ConnectException: Connection refused. Offsets not committed; retrying the same 57"
        + " records in "
        + wait;
  }

  @Test
  void readsTheWaitsOfEachSinkThreadInOrder() {
    // Given the processor's log during an outage, two sink threads interleaved
    List<String> log =
        List.of(
            "2026-12-03T22:33:09.000Z  INFO 10315 --- [argus-processor] [main] Started",
            retry("s-sink-readings", "PT1S"),
            retry("gus-sink-events", "PT1S"),
            retry("s-sink-readings", "PT2S"),
            retry("s-sink-readings", "PT4S"),
            retry("gus-sink-events", "PT2S"));

    // When
    SinkRetries retries = SinkRetries.parse(log);

    // Then
    assertThat(retries.waitsByThread())
        .containsEntry(
            "s-sink-readings",
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)))
        .containsEntry("gus-sink-events", List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    assertThat(retries.total()).isEqualTo(5);
    assertThat(retries.problems())
        .containsExactly("Could not write to PostgreSQL: ConnectException: Connection refused");
    assertThat(retries.backedOff()).isTrue();
    assertThat(retries.summary()).isEqualTo("s-sink-readings: 1s 2s 4s; gus-sink-events: 1s 2s");
  }

  @Test
  void aTightLoopAtOneWaitIsNotABackoff() {
    // Given ten retries all one second apart
    List<String> log =
        IntStream.range(0, 10).mapToObj(i -> retry("s-sink-readings", "PT1S")).toList();

    // Then
    assertThat(SinkRetries.parse(log).backedOff()).isFalse();
  }

  @Test
  void aBackoffThatStartsAfreshAfterAStoredBatchIsABackoff() {
    // Given a thread whose backoff reset to its first wait when a batch got through
    List<String> log =
        List.of("PT1S", "PT2S", "PT1S", "PT2S", "PT4S", "PT8S").stream()
            .map(wait -> retry("gus-sink-camera", wait))
            .toList();

    // Then
    assertThat(SinkRetries.parse(log).backedOff()).isTrue();
  }

  @Test
  void aWaitThatDropsToSomethingElseThanTheFirstIsNotABackoff() {
    // Given waits that shrink without starting afresh
    List<String> log =
        List.of("PT1S", "PT4S", "PT2S").stream()
            .map(wait -> retry("s-sink-readings", wait))
            .toList();

    // Then
    assertThat(SinkRetries.parse(log).backedOff()).isFalse();
  }

  @Test
  void aResetFollowedByATightLoopIsNotABackoff() {
    // Given a reset, then the same short wait again and again
    List<String> log =
        List.of("PT1S", "PT2S", "PT1S", "PT1S", "PT1S", "PT1S").stream()
            .map(wait -> retry("s-sink-readings", wait))
            .toList();

    // Then
    assertThat(SinkRetries.parse(log).backedOff()).isFalse();
  }

  @Test
  void noRetryIsNoBackoff() {
    SinkRetries retries = SinkRetries.parse(List.of("nothing happened"));

    assertThat(retries.backedOff()).isFalse();
    assertThat(retries.summary()).isEqualTo("no retry logged");
  }
}
