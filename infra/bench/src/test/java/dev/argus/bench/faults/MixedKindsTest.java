package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.bench.faults.SteadyLoad.EventKey;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.llm.LlmStatus;
import dev.argus.contract.probe.ProbeResult;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class MixedKindsTest {

  private static final Instant BASE = Instant.parse("2026-12-03T12:00:00Z");
  private static final MixedKinds KINDS = new MixedKinds("t", 3, 2, 2, 5_000);

  @Test
  void aFractionOfTheDevicesAndAtLeastOneOfEachKind() {
    MixedKinds of100 = MixedKinds.forDevices("t", 100, BASE);
    MixedKinds of1 = MixedKinds.forDevices("t", 1, BASE);

    assertThat(of100.targets()).isEqualTo(10);
    assertThat(of100.models()).isEqualTo(5);
    assertThat(of100.cameras()).isEqualTo(5);
    assertThat(of100.targetBase()).isEqualTo(BASE.getEpochSecond() * 1000);
    assertThat(of1.targets()).isEqualTo(1);
    assertThat(of1.models()).isEqualTo(1);
    assertThat(of1.cameras()).isEqualTo(1);
  }

  @Test
  void everyRecordHasItsOwnNaturalKey() {
    assertThat(KINDS.probeResults(25, BASE)).hasSize(75).doesNotHaveDuplicates();
    assertThat(new HashSet<>(KINDS.llmReadings(25))).hasSize(50);
    assertThat(new HashSet<>(KINDS.cameraReadings(25))).hasSize(50);
    assertThat(KINDS.llmReadings(25)).allMatch(id -> id.startsWith(KINDS.readingIdPrefix()));
    assertThat(KINDS.cameraReadings(25)).doesNotContainAnyElementsOf(KINDS.llmReadings(25));
  }

  @Test
  void anEvenTargetAlertsAtItsThirdFailureAndRecoversAtItsFirstSuccess() {
    // targets 5000 and 5002 are down in rounds 10-19 and 30-39; 5001 is always up
    assertThat(KINDS.targetEvents(35, BASE))
        .containsExactlyInAnyOrder(
            new EventKey("5000", "threshold_reached", BASE.plusSeconds(12)),
            new EventKey("5000", "recovered", BASE.plusSeconds(20)),
            new EventKey("5000", "threshold_reached", BASE.plusSeconds(32)),
            new EventKey("5002", "threshold_reached", BASE.plusSeconds(12)),
            new EventKey("5002", "recovered", BASE.plusSeconds(20)),
            new EventKey("5002", "threshold_reached", BASE.plusSeconds(32)));
  }

  @Test
  void aDownPeriodShorterThanTheThresholdAtTheEndDerivesNothing() {
    assertThat(KINDS.targetEvents(12, BASE)).isEmpty();
  }

  @Test
  void theRecordsAreWhatTheProcessorTakesAndReadBackThroughTheContract() {
    ProbeResult down = KINDS.probe(0, BASE.plusSeconds(10), 10);
    LlmProbeReading llm = KINDS.llmReading(1, BASE, 0);
    MotionReading motion = KINDS.motion(1, BASE, 0);

    assertThat(down.up()).isFalse();
    assertThat(down.failureThreshold()).isEqualTo(MixedKinds.FAILURE_THRESHOLD);
    assertThat(down.alertRepeatMinutes()).isZero();
    assertThat(KINDS.probe(1, BASE.plusSeconds(10), 10).up()).isTrue();
    assertThat(llm.status()).isEqualTo(LlmStatus.UP);
    assertThat(motion.motionCooldownSeconds()).isZero();
    assertThat(roundTrip(Topics.READINGS_PROBE, down)).isEqualTo(down);
    assertThat(roundTrip(Topics.READINGS_LLM, llm)).isEqualTo(llm);
    assertThat(roundTrip(Topics.READINGS_CAMERA, motion).readingId())
        .isEqualTo(KINDS.cameraReadingId(1, 0));
  }

  private static <V> V roundTrip(dev.argus.contract.Topic<String, V> topic, V value) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
  }
}
