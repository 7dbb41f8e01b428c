package dev.argus.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmMonitoringConfig;
import dev.argus.contract.llm.LlmProviderConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredConfigTest {

  static DeviceConfig device(String id) {
    return new DeviceConfig(
        id, null, "ups", "nut", "10.0.0.5", null, true, Map.of("ups", "sim"), null);
  }

  static TargetConfig target(long id, boolean enabled) {
    return target(id, enabled, null);
  }

  static TargetConfig target(long id, boolean enabled, String collectorId) {
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
        null,
        collectorId);
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

  static LlmProviderConfig provider(String id) {
    return new LlmProviderConfig(
        id, "openai", "OpenAI", true, null, null, Map.of("api_key", "enc:v1:k:x"), Map.of());
  }

  static LlmModelConfig model(String id, String providerId) {
    return new LlmModelConfig(id, providerId, "gpt-4.1", null, true, true, null, null, null);
  }

  @Test
  void followsLlmProvidersModelsAndMonitoringAndPassesOverAlertRules() {
    var monitoring = LlmMonitoringConfig.defaults();
    var rule =
        new LlmAlertRuleConfig(
            "r-1", "Any", LlmAlertRuleConfig.ANY_MODEL_DOWN, null, null, true, true, null);
    var config =
        DesiredConfig.EMPTY
            .apply(ConfigKeys.llmProvider("p-1"), ConfigEntry.of(provider("p-1")))
            .apply(ConfigKeys.llmProvider("p-2"), ConfigEntry.of(provider("p-2")))
            .apply(ConfigKeys.llmModel("m-1"), ConfigEntry.of(model("m-1", "p-1")))
            .apply(ConfigKeys.llmModel("m-2"), ConfigEntry.of(model("m-2", "p-2")))
            .apply(ConfigKeys.LLM_MONITORING, ConfigEntry.of(monitoring))
            .apply(ConfigKeys.llmRule("r-1"), ConfigEntry.of(rule))
            .apply(ConfigKeys.llmRule("r-2"), null)
            .apply(ConfigKeys.llmProvider("p-2"), null)
            .apply(ConfigKeys.llmModel("m-2"), null);

    assertThat(config.llmProviders()).containsOnlyKeys("p-1");
    assertThat(config.llmModels()).containsOnlyKeys("m-1");
    assertThat(config.llmMonitoring()).isEqualTo(monitoring);
    assertThat(config.apply(ConfigKeys.LLM_MONITORING, null).llmMonitoring()).isNull();
    assertThat(config.apply(ConfigKeys.llmRule("r-1"), ConfigEntry.of(rule))).isEqualTo(config);
  }

  static CameraConfig camera(String id, String collector, Map<String, String> credentials) {
    return new CameraConfig(
        id,
        "Camera " + id,
        "rtsp",
        true,
        true,
        "rtsp://10.0.0.7:554/stream1",
        "tcp",
        null,
        null,
        null,
        "viewer",
        credentials,
        5,
        "medium",
        60,
        List.of(),
        null,
        "single_frame",
        1,
        List.of(),
        null,
        collector,
        null,
        null);
  }

  @Test
  void followsCamerasAndTheirTombstones() {
    var config =
        DesiredConfig.EMPTY
            .apply(ConfigKeys.camera("c-1"), ConfigEntry.of(camera("c-1", null, Map.of())))
            .apply(ConfigKeys.camera("c-2"), ConfigEntry.of(camera("c-2", null, Map.of())))
            .apply(ConfigKeys.camera("c-1"), null);

    assertThat(config.cameras()).containsOnlyKeys("c-2");
    assertThatThrownBy(
            () ->
                config.apply(
                    ConfigKeys.camera("c-3"), ConfigEntry.of(camera("c-4", null, Map.of()))))
        .hasMessageContaining("key 'camera/c-3' holds camera c-4");
    assertThatThrownBy(() -> config.apply(ConfigKeys.camera("c-3"), ConfigEntry.of(device("d"))))
        .hasMessageContaining("key 'camera/c-3' holds a device entry");
  }

  @Test
  void followsProtectControllersAndTheirTombstonesAndPassesOverCameraRules() {
    var rule = new CameraAlertRuleConfig("r-1", "People", List.of(), List.of("person"), true, true);
    var config =
        DesiredConfig.EMPTY
            .apply(ConfigKeys.protectController("p-1"), ConfigEntry.of(controller("p-1")))
            .apply(ConfigKeys.protectController("p-2"), ConfigEntry.of(controller("p-2")))
            .apply(ConfigKeys.protectController("p-1"), null)
            .apply(ConfigKeys.cameraRule("r-1"), ConfigEntry.of(rule));

    assertThat(config.protectControllers()).containsOnlyKeys("p-2");
    assertThat(config.apply(ConfigKeys.cameraRule("r-1"), null)).isEqualTo(config);
    assertThatThrownBy(
            () ->
                config.apply(
                    ConfigKeys.protectController("p-3"), ConfigEntry.of(controller("p-4"))))
        .hasMessageContaining("key 'protect-controller/p-3' holds controller p-4");
    assertThatThrownBy(
            () -> config.apply(ConfigKeys.protectController("p-3"), ConfigEntry.of(device("d"))))
        .hasMessageContaining("key 'protect-controller/p-3' holds a device entry");
  }

  static ProtectControllerConfig controller(String id) {
    return new ProtectControllerConfig(
        id, "NVR " + id, "192.168.1.1", 443, "argus", Map.of(), false, true, null);
  }

  @Test
  void refusesAnLlmRecordThatDoesNotBelongUnderItsKey() {
    var config = DesiredConfig.EMPTY;

    assertThatThrownBy(
            () -> config.apply(ConfigKeys.llmProvider("p-1"), ConfigEntry.of(provider("p-9"))))
        .hasMessage("key 'llm-provider/p-1' holds provider p-9");
    assertThatThrownBy(
            () -> config.apply(ConfigKeys.llmModel("m-1"), ConfigEntry.of(model("m-9", "p-1"))))
        .hasMessage("key 'llm-model/m-1' holds model m-9");
    assertThatThrownBy(
            () -> config.apply(ConfigKeys.llmModel("m-1"), ConfigEntry.of(provider("m-1"))))
        .hasMessage("key 'llm-model/m-1' holds a llm_provider entry");
    assertThatThrownBy(
            () -> config.apply(ConfigKeys.LLM_MONITORING, ConfigEntry.of(model("m-1", "p-1"))))
        .hasMessage("key 'llm-monitoring' holds a llm_model entry");
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
