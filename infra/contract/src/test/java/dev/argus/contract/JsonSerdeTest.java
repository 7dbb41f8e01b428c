package dev.argus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.PowerEventType;
import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.testing.PowerReadings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

  private final JsonSerde<PowerReading> readings = JsonSerde.of(PowerReading.class);

  @Test
  void readingRoundTripsWithSnakeCaseNames() {
    var reading =
        PowerReadings.aReading()
            .withDeviceId("ups-main")
            .withDeviceType("ups")
            .withPoller("nut")
            .withDeviceName("Main")
            .withAddress("127.0.0.1", 3493)
            .withCollectorId("c1")
            .withTimestamp(Instant.parse("2026-05-27T10:00:00Z"))
            .withPollIntervalSeconds(300)
            .withPowerWatts(450.0)
            .withLoadPercent(55.0)
            .withVoltage(120.0)
            .withOutputVoltage(121.0)
            .withInputFrequency(60.0)
            .withOutputCurrent(3.2)
            .withBatteryPercent(100.0)
            .withBatteryLowPercent(10.0)
            .withRuntimeSeconds(3600.0)
            .withUpsStatus("OL")
            .withMetadata(new DeviceMetadata("APC", "SmartUPS 1500", "1.0.0", "ABC123"))
            .withOutlets(List.of(new OutletReading(1, "web-1", 120.5, 0.52)))
            .build();

    byte[] bytes = readings.serializer().serialize("t", reading);
    String json = new String(bytes, StandardCharsets.UTF_8);

    assertThat(json)
        .contains("\"device_id\":\"ups-main\"")
        .contains("\"power_watts\":450.0")
        .contains("\"timestamp\":\"2026-05-27T10:00:00Z\"")
        .contains(
            "\"outlets\":[{\"index\":1,\"name\":\"web-1\",\"power_watts\":120.5,\"current_amps\":0.52}]")
        .doesNotContain("succeeded");
    assertThat(readings.deserializer().deserialize("t", bytes)).isEqualTo(reading);
  }

  @Test
  void malformedJsonIsASerializationException() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> readings.deserializer().deserialize("argus.readings.power", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Malformed PowerReading on argus.readings.power");
  }

  @Test
  void aReadingWithoutDeviceIdIsRejected() {
    byte[] noDevice = "{\"timestamp\":\"2026-05-27T10:00:00Z\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> readings.deserializer().deserialize("t", noDevice))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("device_id is required");
  }

  @Test
  void unknownFieldsFromNewerWritersAreIgnored() {
    byte[] newer =
        "{\"device_id\":\"u1\",\"timestamp\":\"2026-05-27T10:00:00Z\",\"poll_interval_seconds\":5,\"future\":1}"
            .getBytes(StandardCharsets.UTF_8);

    PowerReading reading = readings.deserializer().deserialize("t", newer);

    assertThat(reading.deviceId()).isEqualTo("u1");
    assertThat(reading.metadata()).isEqualTo(DeviceMetadata.UNKNOWN);
  }

  @Test
  void eventIdsAreStableForTheSameFacts() {
    Instant at = Instant.parse("2026-05-27T09:00:00Z");
    var first = DerivedEvent.power("ups-main", PowerEventType.ON_BATTERY, at, Map.of());
    var replayed = DerivedEvent.power("ups-main", PowerEventType.ON_BATTERY, at, Map.of("x", 1));
    var other = DerivedEvent.power("ups-main", PowerEventType.POWER_RESTORED, at, Map.of());

    var load =
        DerivedEvent.power(
            "ups-main", PowerEventType.THRESHOLD_CROSSED, "load_percent", at, Map.of());
    var temperature =
        DerivedEvent.power(
            "ups-main", PowerEventType.THRESHOLD_CROSSED, "temperature_c", at, Map.of());

    assertThat(first.eventId()).isEqualTo(replayed.eventId()).isNotEqualTo(other.eventId());
    assertThat(load.eventId()).isNotEqualTo(temperature.eventId());
    assertThat(
            new String(
                JsonSerde.of(DerivedEvent.class).serializer().serialize("t", first),
                StandardCharsets.UTF_8))
        .contains("\"severity\":\"high\"")
        .contains("\"event_type\":\"on_battery\"");
  }

  @Test
  void aVersionedTopicRefusesARecordOfANewerSchemaVersionWithTheReason() {
    // Given a reading of the current version, rewritten as version 999
    byte[] current =
        Topics.READINGS_POWER
            .valueSerde()
            .serializer()
            .serialize("t", PowerReadings.aReading().withDeviceId("ups-1").build());
    String json = new String(current, StandardCharsets.UTF_8);
    byte[] newer =
        json.replace("\"schema_version\":" + PowerReading.SCHEMA_VERSION, "\"schema_version\":999")
            .getBytes(StandardCharsets.UTF_8);

    // Then the topic's serde reads the current one and refuses the newer one, saying why
    assertThat(Topics.READINGS_POWER.valueSerde().deserializer().deserialize("t", current))
        .isNotNull();
    assertThatThrownBy(
            () ->
                Topics.READINGS_POWER
                    .valueSerde()
                    .deserializer()
                    .deserialize("argus.readings.power", newer))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown schema_version 999 of PowerReading on argus.readings.power")
        .hasMessageContaining("knows versions up to 1");
  }
}
