package dev.argus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.commands.CollectorCommand;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.TargetEventType;
import dev.argus.contract.probe.ProbeResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire shapes added for management, targets and commands survive a round trip. */
class ConfigWireTest {

  private static <T> T roundTrip(Topic<String, T> topic, T value, String expectedFragment) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(expectedFragment);
    return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
  }

  @Test
  void configEntriesRoundTripWithOneKindSet() {
    var device =
        ConfigEntry.of(
            new DeviceConfig(
                "pdu-rack1",
                "Rack 1 PDU",
                "pdu",
                "snmp",
                "192.168.1.20",
                161,
                true,
                Map.of("community", "public"),
                null));
    assertThat(roundTrip(Topics.CONFIG, device, "\"connection_config\":{\"community\":\"public\"}"))
        .isEqualTo(device);

    var runtime = ConfigEntry.of(RuntimeConfig.defaults());
    assertThat(roundTrip(Topics.CONFIG, runtime, "\"poll_interval_minutes\":5")).isEqualTo(runtime);

    var target =
        ConfigEntry.of(
            new TargetConfig(
                7,
                "Production Server",
                "http",
                "http://127.0.0.1:8080/",
                60,
                3,
                true,
                null,
                List.of(200),
                "ok",
                true,
                true,
                14,
                null,
                null,
                10,
                60,
                Instant.parse("2026-05-27T10:00:00Z"),
                "site-b"));
    assertThat(roundTrip(Topics.CONFIG, target, "\"collector_id\":\"site-b\"")).isEqualTo(target);
  }

  @Test
  void aTargetRecordWrittenBeforeCollectorIdExistedReadsAsUnassigned() {
    // Given a target as the api published it before targets could be assigned to a collector
    byte[] older =
        ("{\"target\":{\"id\":7,\"name\":\"Web\",\"type\":\"tcp\",\"address\":\"10.0.0.9:22\","
                + "\"check_interval_seconds\":60,\"failure_threshold\":3,\"enabled\":true}}")
            .getBytes(StandardCharsets.UTF_8);

    // When a current reader reads it
    ConfigEntry read = Topics.CONFIG.valueSerde().deserializer().deserialize("argus.config", older);

    // Then it is a target for any collector that accepts unassigned targets
    assertThat(read.target().id()).isEqualTo(7);
    assertThat(read.target().collectorId()).isNull();
  }

  @Test
  void aConfigEntryMustHoldExactlyOneKind() {
    assertThatThrownBy(
            () -> new ConfigEntry(null, null, null, null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new RuntimeConfig(
                    0, List.of(), false, false, null, null, null, null, null, null, null, null))
        .hasMessageContaining("poll_interval_minutes");
  }

  @Test
  void keysNameTheirKind() {
    assertThat(ConfigKeys.device("ups-1")).isEqualTo("device/ups-1");
    assertThat(ConfigKeys.isDevice("device/ups-1")).isTrue();
    assertThat(ConfigKeys.deviceId("device/ups-1")).isEqualTo("ups-1");
    assertThat(ConfigKeys.targetId(ConfigKeys.target(42))).isEqualTo(42);
    assertThat(ConfigKeys.isTarget(ConfigKeys.RUNTIME)).isFalse();
  }

  @Test
  void probeResultsCommandsAndHeartbeatsRoundTrip() {
    var probe =
        new ProbeResult(
            1,
            7,
            "Database",
            "tcp",
            "c1",
            Instant.parse("2026-05-27T10:00:00Z"),
            false,
            3.5,
            null,
            "connection refused",
            null,
            3,
            null,
            null);
    assertThat(roundTrip(Topics.READINGS_PROBE, probe, "\"error\":\"connection refused\""))
        .isEqualTo(probe);

    var command = new CollectorCommand("abc", CollectorCommand.POLL_NOW, Instant.EPOCH);
    assertThat(roundTrip(Topics.COMMANDS, command, "\"type\":\"poll_now\"")).isEqualTo(command);

    var heartbeat =
        new CollectorHeartbeat(
            2,
            "c1",
            Instant.EPOCH,
            Instant.EPOCH,
            true,
            3,
            Instant.EPOCH,
            12,
            3,
            0,
            true,
            false,
            Instant.EPOCH,
            "abc",
            4);
    assertThat(roundTrip(Topics.COLLECTOR_STATUS, heartbeat, "\"last_trigger_id\":\"abc\""))
        .isEqualTo(heartbeat);
    // A version-1 heartbeat (no new fields) still reads.
    byte[] old =
        "{\"schema_version\":1,\"collector_id\":\"c0\",\"timestamp\":\"1970-01-01T00:00:00Z\",\"scheduler_running\":true,\"devices_configured\":1,\"last_cycle_duration_millis\":-1,\"last_cycle_devices_polled\":0,\"last_cycle_errors\":0}"
            .getBytes(StandardCharsets.UTF_8);
    var read = Topics.COLLECTOR_STATUS.valueSerde().deserializer().deserialize("t", old);
    assertThat(read.collectorId()).isEqualTo("c0");
    assertThat(read.pollInProgress()).isFalse();
  }

  @Test
  void targetEventIdsAreStablePerTargetTypeAndTime() {
    Instant at = Instant.parse("2026-05-27T10:00:00Z");
    var first =
        DerivedEvent.target(7, TargetEventType.THRESHOLD_REACHED, at, Map.of("failures", 3));
    var again = DerivedEvent.target(7, TargetEventType.THRESHOLD_REACHED, at, Map.of());
    assertThat(first.eventId()).isEqualTo(again.eventId());
    assertThat(first.source()).isEqualTo("target");
    assertThat(first.subjectId()).isEqualTo("7");
    assertThat(DerivedEvent.target(8, TargetEventType.THRESHOLD_REACHED, at, Map.of()).eventId())
        .isNotEqualTo(first.eventId());
  }
}
