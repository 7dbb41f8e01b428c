package dev.argus.contract.config;

import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmMonitoringConfig;
import dev.argus.contract.llm.LlmProviderConfig;
import java.util.stream.Stream;

/**
 * The value of a record on the compacted {@code argus.config} topic: exactly one of the fields is
 * set, and which one matches the record's key ({@link ConfigKeys}). A deleted device, target,
 * provider, model, rule, camera or Protect controller is a tombstone (null value) under its key.
 */
public record ConfigEntry(
    DeviceConfig device,
    TargetConfig target,
    RuntimeConfig runtime,
    LlmProviderConfig llmProvider,
    LlmModelConfig llmModel,
    LlmMonitoringConfig llmMonitoring,
    LlmAlertRuleConfig llmRule,
    CameraConfig camera,
    ProtectControllerConfig protectController,
    CameraAlertRuleConfig cameraRule) {

  public ConfigEntry {
    long set =
        Stream.of(
                device,
                target,
                runtime,
                llmProvider,
                llmModel,
                llmMonitoring,
                llmRule,
                camera,
                protectController,
                cameraRule)
            .filter(value -> value != null)
            .count();
    if (set != 1) {
      throw new IllegalArgumentException(
          "a config entry holds exactly one of device, target, runtime, llm_provider, llm_model,"
              + " llm_monitoring, llm_rule, camera, protect_controller, camera_rule; had "
              + set);
    }
  }

  public static ConfigEntry of(DeviceConfig device) {
    return new ConfigEntry(device, null, null, null, null, null, null, null, null, null);
  }

  public static ConfigEntry of(TargetConfig target) {
    return new ConfigEntry(null, target, null, null, null, null, null, null, null, null);
  }

  public static ConfigEntry of(RuntimeConfig runtime) {
    return new ConfigEntry(null, null, runtime, null, null, null, null, null, null, null);
  }

  public static ConfigEntry of(LlmProviderConfig provider) {
    return new ConfigEntry(null, null, null, provider, null, null, null, null, null, null);
  }

  public static ConfigEntry of(LlmModelConfig model) {
    return new ConfigEntry(null, null, null, null, model, null, null, null, null, null);
  }

  public static ConfigEntry of(LlmMonitoringConfig monitoring) {
    return new ConfigEntry(null, null, null, null, null, monitoring, null, null, null, null);
  }

  public static ConfigEntry of(LlmAlertRuleConfig rule) {
    return new ConfigEntry(null, null, null, null, null, null, rule, null, null, null);
  }

  public static ConfigEntry of(CameraConfig camera) {
    return new ConfigEntry(null, null, null, null, null, null, null, camera, null, null);
  }

  public static ConfigEntry of(ProtectControllerConfig controller) {
    return new ConfigEntry(null, null, null, null, null, null, null, null, controller, null);
  }

  public static ConfigEntry of(CameraAlertRuleConfig rule) {
    return new ConfigEntry(null, null, null, null, null, null, null, null, null, rule);
  }
}
