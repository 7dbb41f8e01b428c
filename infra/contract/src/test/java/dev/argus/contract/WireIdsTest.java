package dev.argus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.testing.PowerReadings;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireIdsTest {

  @Test
  void aReadingWithADeviceIdTooLongToStoreIsRefusedWhenReadNamingTheField() {
    // Given a reading as JSON whose device_id is one character over the limit
    byte[] valid =
        Topics.READINGS_POWER
            .valueSerde()
            .serializer()
            .serialize("t", PowerReadings.aReading().withDeviceId("ups-1").build());
    String longId = "u".repeat(WireIds.MAX_LENGTH + 1);
    byte[] tooLong =
        new String(valid, StandardCharsets.UTF_8)
            .replace("\"ups-1\"", "\"" + longId + "\"")
            .getBytes(StandardCharsets.UTF_8);

    // Then the limit itself is accepted, one more is refused with the field and the limit
    assertThat(
            PowerReadings.aReading()
                .withDeviceId("u".repeat(WireIds.MAX_LENGTH))
                .build()
                .deviceId())
        .hasSize(WireIds.MAX_LENGTH);
    assertThatThrownBy(
            () ->
                Topics.READINGS_POWER
                    .valueSerde()
                    .deserializer()
                    .deserialize("argus.readings.power", tooLong))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("device_id must be at most 255 characters, has 256");
  }
}
