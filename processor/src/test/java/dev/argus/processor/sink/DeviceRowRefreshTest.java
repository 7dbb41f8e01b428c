package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.PowerReading;
import dev.argus.processor.testing.ReadingBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceRowRefreshTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private final DeviceRowRefresh refresh = new DeviceRowRefresh(Duration.ofSeconds(15));

  @Test
  void aDeviceIsWrittenWhenNewThenOnlyWhenLastSeenMovesByTheResolution() {
    var first = reading("ups-1", T0, "APC");
    assertThat(refresh.due(List.of(first))).containsExactly(first);
    refresh.committed(List.of(first));

    assertThat(refresh.due(List.of(reading("ups-1", T0.plusSeconds(14), "APC")))).isEmpty();
    var later = reading("ups-1", T0.plusSeconds(15), "APC");
    assertThat(refresh.due(List.of(later))).containsExactly(later);
  }

  @Test
  void changedMetadataIsWrittenAtOnce() {
    refresh.committed(List.of(reading("ups-1", T0, "APC")));

    var renamed = reading("ups-1", T0.plusSeconds(1), "Eaton");
    assertThat(refresh.due(List.of(renamed))).containsExactly(renamed);
  }

  @Test
  void aBatchThatWasNotCommittedIsWrittenAgain() {
    var first = reading("ups-1", T0, "APC");
    assertThat(refresh.due(List.of(first))).containsExactly(first);
    // No committed(...): the transaction rolled back.
    assertThat(refresh.due(List.of(first))).containsExactly(first);
  }

  @Test
  void zeroResolutionWritesEveryBatch() {
    var every = new DeviceRowRefresh(Duration.ZERO);
    var first = reading("ups-1", T0, "APC");
    every.committed(List.of(first));

    assertThat(every.due(List.of(first))).containsExactly(first);
  }

  private static PowerReading reading(String id, Instant at, String manufacturer) {
    return ReadingBuilder.ups(id)
        .at(at)
        .power(100.0)
        .metadata(new DeviceMetadata(manufacturer, "m", "f", "s"))
        .build();
  }
}
