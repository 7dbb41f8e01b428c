package dev.argus.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.config.TargetConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredConfigTest {

  static DeviceConfig device(String id) {
    return new DeviceConfig(
        id, null, "ups", "nut", "10.0.0.5", null, true, Map.of("ups", "sim"), null);
  }

  static TargetConfig target(long id, boolean enabled) {
    return new TargetConfig(
        id,
        "Target " + id,
        "tcp",
        "10.0.0.9:22",
        60,
        3,
        enabled,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void followsDevicesTargetsAndRuntimeSettingsAndTheirTombstones() {
    var config =
        DesiredConfig.EMPTY
            .apply(ConfigKeys.device("ups-1"), ConfigEntry.of(device("ups-1")))
            .apply(ConfigKeys.device("ups-2"), ConfigEntry.of(device("ups-2")))
            .apply(ConfigKeys.target(7), ConfigEntry.of(target(7, true)))
            .apply(ConfigKeys.target(8), ConfigEntry.of(target(8, false)))
            .apply(ConfigKeys.RUNTIME, ConfigEntry.of(RuntimeConfig.defaults()))
            .apply(ConfigKeys.device("ups-1"), null);

    assertThat(config.devices()).containsOnlyKeys("ups-2");
    assertThat(config.enabledTargets()).extracting(TargetConfig::id).containsExactly(7L);
    assertThat(config.runtime()).isEqualTo(RuntimeConfig.defaults());
    assertThat(config.apply(ConfigKeys.target(7), null).enabledTargets()).isEmpty();
    assertThat(config.apply(ConfigKeys.RUNTIME, null).runtime()).isNull();
  }

  @Test
  void refusesARecordThatDoesNotBelongUnderItsKey() {
    var config = DesiredConfig.EMPTY;

    assertThatThrownBy(
            () -> config.apply(ConfigKeys.device("ups-1"), ConfigEntry.of(device("ups-9"))))
        .hasMessage("key 'device/ups-1' holds device 'ups-9'");
    assertThatThrownBy(
            () -> config.apply(ConfigKeys.device("ups-1"), ConfigEntry.of(target(1, true))))
        .hasMessage("key 'device/ups-1' holds a target entry");
    assertThatThrownBy(() -> config.apply(ConfigKeys.RUNTIME, ConfigEntry.of(device("x"))))
        .hasMessage("key 'runtime' holds a device entry");
    assertThatThrownBy(() -> config.apply("target/abc", ConfigEntry.of(target(1, true))))
        .hasMessage("key 'target/abc' does not end in a numeric target id");
    assertThatThrownBy(() -> config.apply(ConfigKeys.target(2), ConfigEntry.of(target(1, true))))
        .hasMessage("key 'target/2' holds target 1");
    assertThatThrownBy(() -> config.apply("alerts", null))
        .hasMessageContaining("unknown key 'alerts'");
    assertThatThrownBy(() -> config.apply(null, null)).hasMessageContaining("needs a key");
    assertThat(config.devices()).isEmpty();
  }

  @Test
  void listsEnabledTargetsInIdOrder() {
    var config =
        DesiredConfig.EMPTY
            .apply(ConfigKeys.target(9), ConfigEntry.of(target(9, true)))
            .apply(ConfigKeys.target(3), ConfigEntry.of(target(3, true)));

    assertThat(config.enabledTargets()).extracting(TargetConfig::id).isEqualTo(List.of(3L, 9L));
  }
}
