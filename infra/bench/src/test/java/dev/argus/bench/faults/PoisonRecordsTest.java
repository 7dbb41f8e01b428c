package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.bench.faults.PoisonRecords.Poison;
import dev.argus.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PoisonRecordsTest {

  private static final List<Poison> ALL =
      PoisonRecords.all("poison-test", Instant.parse("2026-12-03T12:00:00Z"));

  @Test
  void everyInputTopicOfTheProcessorGetsPoison() {
    assertThat(PoisonRecords.topics(ALL))
        .containsExactlyInAnyOrder(
            Topics.READINGS_POWER.name(),
            Topics.READINGS_PROBE.name(),
            Topics.READINGS_LLM.name(),
            Topics.LLM_BENCHMARK.name(),
            Topics.READINGS_CAMERA.name(),
            Topics.CAMERA_STATUS.name(),
            Topics.ENERGY.name(),
            Topics.EVENTS.name(),
            Topics.TARGET_STATUS.name(),
            Topics.COLLECTOR_STATUS.name(),
            Topics.LLM_STATUS.name(),
            Topics.LLM_BENCHMARK_STATS.name(),
            Topics.CAMERA_EVENTS.name(),
            Topics.CAMERA_DESCRIPTIONS.name(),
            Topics.PROTECT_STATUS.name());
  }

  @Test
  void everyPoisonThatMustBeDeadLetteredIsRefusedByItsTopicsSerde() {
    for (Poison poison : ALL) {
      var topic =
          Topics.all().stream().filter(t -> t.name().equals(poison.topic())).findFirst().get();
      if (poison.mustBeStored()) {
        assertThat(topic.valueSerde().deserializer().deserialize(poison.topic(), poison.value()))
            .as(poison.name())
            .isNotNull();
      } else if (poison.name().contains("unknown schema_version")
          || poison.name().contains("characters")
          || poison.name().contains("malformed")
          || poison.name().contains("wrong type")
          || poison.name().contains("out of range")) {
        assertThatThrownBy(
                () -> topic.valueSerde().deserializer().deserialize(poison.topic(), poison.value()))
            .as(poison.name())
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining(poison.reason());
      }
    }
  }

  @Test
  void theUnknownVersionIsAValidRecordWithOnlyItsVersionChanged() {
    byte[] json = "{\"schema_version\":1,\"device_id\":\"a\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(new String(PoisonRecords.withVersion(json, 999), StandardCharsets.UTF_8))
        .isEqualTo("{\"schema_version\":999,\"device_id\":\"a\"}");
  }

  @Test
  void poisonWithOnlyABadKeyMustBeStoredUnderItsDevice() {
    assertThat(ALL.stream().filter(Poison::mustBeStored).map(Poison::storedDeviceId))
        .containsExactlyInAnyOrder("poison-test-null-key", "poison-test-garbage-key");
  }
}
