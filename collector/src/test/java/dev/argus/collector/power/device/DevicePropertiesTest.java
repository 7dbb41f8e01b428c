package dev.argus.collector.power.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevicePropertiesTest {

  @Test
  void appliesDefaultsToAnEntryWithOnlyAHost() {
    var entry =
        new DeviceProperties(
            null, null, null, "ups.lan", null, "sim", null, null, null, null, null, null);

    assertThat(entry.toDevice("entry 1"))
        .isEqualTo(
            new NutDevice("ups.lan-sim", null, "ups.lan", 3493, "sim", null, null, "ups", true));
  }

  @Test
  void keepsEverythingGiven() {
    var entry =
        new DeviceProperties(
            null, "rack", "Rack", "10.0.0.1", 3500, "r1", "mon", "pw", "PDU", false, null, null);

    assertThat(entry.toDevice("entry 1"))
        .isEqualTo(
            new NutDevice("rack", "Rack", "10.0.0.1", 3500, "r1", "mon", "pw", "pdu", false));
  }

  @Test
  void readsAnEntryWrittenAsUriAndItsEnabledFlag() {
    var entry =
        new DeviceProperties(
            "nut://10.0.0.1/r1", null, null, null, null, null, null, null, null, false, null, null);

    Device device = entry.toDevice("entry 1");

    assertThat(device.id()).isEqualTo("10.0.0.1-r1");
    assertThat(device.enabled()).isFalse();
  }

  @Test
  void namesTheEntryWhenItIsInvalid() {
    var entry =
        new DeviceProperties(
            null, null, null, null, null, "sim", null, null, null, null, null, null);

    assertThatThrownBy(() -> entry.toDevice("argus.collector.devices entry 3"))
        .hasMessageStartingWith("argus.collector.devices entry 3 is invalid: host is required");
  }

  @Test
  void namesTheEntryAndRedactsItsPasswordWhenAUriIsInvalid() {
    var entry = DeviceProperties.ofUri("nut://u:hunter2@host:99999/sim");

    assertThatThrownBy(() -> entry.toDevice("entry 2"))
        .hasMessageStartingWith(
            "entry 2 (nut://u:***@host:99999/sim) is invalid: port must be between 1 and 65535")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void refusesAUriCombinedWithSeparateSettings() {
    var entry =
        new DeviceProperties(
            "nut://host/sim", null, null, "other", null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> entry.toDevice("entry 1")).hasMessageContaining("either as a uri or");
  }

  @Test
  void refusesAPasswordWithoutUsername() {
    var entry =
        new DeviceProperties(
            null, null, null, "host", null, null, null, "pw", null, null, null, null);

    assertThatThrownBy(() -> entry.toDevice("entry 1"))
        .hasMessageContaining("a password needs a username");
  }

  @Test
  void masksThePasswordWhenPrinted() {
    var device = new NutDevice("id", null, "host", 3493, "sim", "mon", "hunter2", "ups", true);
    var entry =
        new DeviceProperties(
            null, null, null, "host", null, null, "mon", "hunter2", null, null, null, null);

    assertThat(device.toString()).doesNotContain("hunter2").contains("password=***");
    assertThat(entry.toString()).doesNotContain("hunter2");
    assertThat(DeviceProperties.ofUri("nut://mon:hunter2@host").toString())
        .doesNotContain("hunter2");
  }
}
