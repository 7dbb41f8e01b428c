package dev.argus.collector.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.power.device.Device;
import dev.argus.collector.power.device.DeviceConfigMapper;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.testing.TestSecrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolledDevicesTest {

  private static final NutDevice STATIC_UPS =
      NutDevice.of("ups-static", null, "10.0.0.1", null, "sim", null, null, null, true);

  private static DeviceConfig managed(
      String id, boolean enabled, String collectorId, Map<String, Object> connection) {
    return new DeviceConfig(
        id, null, "ups", "nut", "10.0.0.5", null, enabled, connection, collectorId);
  }

  private static DeviceConfig managed(String id, String collectorId) {
    return managed(id, true, collectorId, Map.of("ups", "sim"));
  }

  @Test
  void pollsStaticDevicesThenTheEnabledManagedOnesAssignedHereOrToNoCollector() {
    var merged =
        PolledDevices.merge(
            List.of(STATIC_UPS),
            List.of(
                managed("mine", "c1"),
                managed("anyones", null),
                managed("blank", " "),
                managed("theirs", "c2"),
                managed("off", false, "c1", Map.of())),
            "c1",
            true,
            new DeviceConfigMapper(TestSecrets.CIPHER));

    assertThat(merged.devices())
        .extracting(Device::id)
        .containsExactly("ups-static", "mine", "anyones", "blank");
    assertThat(merged.skipped()).isEmpty();
  }

  @Test
  void leavesUnassignedDevicesToOthersWhenAskedTo() {
    var merged =
        PolledDevices.merge(
            List.of(),
            List.of(managed("mine", "c1"), managed("anyones", null)),
            "c1",
            false,
            new DeviceConfigMapper(TestSecrets.CIPHER));

    assertThat(merged.devices()).extracting(Device::id).containsExactly("mine");
  }

  @Test
  void skipsADeviceThatCannotBePolledOrClashesWithAStaticOneAndKeepsTheOthers() {
    var merged =
        PolledDevices.merge(
            List.of(STATIC_UPS),
            List.of(
                managed("bad", true, null, Map.of("ups", "sim", "pasword", "x")),
                managed("ups-static", null),
                managed("good", null)),
            "c1",
            true,
            new DeviceConfigMapper(TestSecrets.CIPHER));

    assertThat(merged.devices()).extracting(Device::id).containsExactly("ups-static", "good");
    assertThat(merged.devices().getFirst()).isSameAs(STATIC_UPS);
    assertThat(merged.skipped()).containsOnlyKeys("bad", "ups-static");
    assertThat(merged.skipped().get("bad")).contains("[pasword]");
    assertThat(merged.skipped().get("ups-static")).contains("ARGUS_COLLECTOR_DEVICES");
  }
}
