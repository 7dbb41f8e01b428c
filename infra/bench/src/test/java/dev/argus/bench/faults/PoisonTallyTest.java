package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.bench.faults.DeadLetters.DeadLetter;
import dev.argus.bench.faults.PoisonFault.Sent;
import dev.argus.bench.faults.PoisonRecords.Poison;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoisonTallyTest {

  private static final Poison MALFORMED =
      new Poison(
          "power: malformed",
          "argus.readings.power",
          null,
          new byte[1],
          Set.of("argus-processor", "argus-sink"),
          "Malformed",
          null);
  private static final Poison EVENT =
      new Poison(
          "events: array",
          "argus.events",
          null,
          new byte[1],
          Set.of("argus-sink-events"),
          "Array",
          null);
  private static final List<Sent> SENT =
      List.of(new Sent(MALFORMED, 3, 100), new Sent(EVENT, 0, 7));

  private static DeadLetter letter(String topic, int partition, long offset, String consumer) {
    return letter(topic, partition, offset, consumer, "Malformed PowerReading ... Array value");
  }

  private static DeadLetter letter(
      String topic, int partition, long offset, String consumer, String message) {
    return new DeadLetter(
        topic,
        partition,
        offset,
        "org.apache.kafka.common.errors.SerializationException",
        message,
        consumer,
        null,
        10);
  }

  @Test
  void matchesEachDeadLetterToItsPoisonAndConsumer() {
    PoisonTally tally =
        PoisonTally.of(
            SENT,
            List.of(
                letter("argus.readings.power", 3, 100, "argus-processor"),
                letter("argus.readings.power", 3, 100, "argus-sink"),
                letter("argus.events", 0, 7, "argus-sink-events")));

    assertThat(tally.matched()).isEqualTo(3);
    assertThat(tally.missing()).isEmpty();
    assertThat(tally.wrongReasons()).isEmpty();
    assertThat(tally.others()).isEmpty();
  }

  @Test
  void aConsumerThatDidNotDeadLetterItsPoisonIsMissing() {
    PoisonTally tally =
        PoisonTally.of(
            SENT,
            List.of(
                letter("argus.readings.power", 3, 100, "argus-processor"),
                letter("argus.events", 0, 7, "argus-sink-events")));

    assertThat(tally.matched()).isEqualTo(2);
    assertThat(tally.missing()).containsExactly("power: malformed by argus-sink");
  }

  @Test
  void aDeadLetterOfAnotherRecordOrConsumerOrTwiceIsCountedApart() {
    PoisonTally tally =
        PoisonTally.of(
            SENT,
            List.of(
                letter("argus.readings.power", 3, 100, "argus-processor"),
                letter("argus.readings.power", 3, 100, "argus-processor"),
                letter("argus.readings.power", 3, 101, "argus-sink"),
                letter("argus.events", 0, 7, "argus-sink")));

    assertThat(tally.matched()).isEqualTo(1);
    assertThat(tally.others())
        .containsExactly(
            "argus.readings.power-3@100 by argus-processor again",
            "argus.readings.power-3@101 by argus-sink: Malformed PowerReading ... Array value",
            "argus.events-0@7 by argus-sink: Malformed PowerReading ... Array value");
  }

  @Test
  void aReasonThatDoesNotSayWhatIsWrongIsReported() {
    PoisonTally tally =
        PoisonTally.of(
            List.of(new Sent(EVENT, 0, 7)),
            List.of(letter("argus.events", 0, 7, "argus-sink-events", null)));

    assertThat(tally.matched()).isEqualTo(1);
    assertThat(tally.wrongReasons())
        .isEqualTo("events: array (argus-sink-events): expected 'Array', was '(no reason)'");
  }
}
