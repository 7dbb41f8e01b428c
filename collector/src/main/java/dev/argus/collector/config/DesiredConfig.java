package dev.argus.collector.config;

import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmMonitoringConfig;
import dev.argus.contract.llm.LlmProviderConfig;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The desired configuration as the compacted {@code argus.config} topic has it so far: the
 * api-managed devices and targets by id, the runtime settings (null while none was ever published,
 * so the collector's own environment applies), and the LLM providers (credentials still encrypted)
 * and models by UUID with the LLM monitoring settings (null while none was ever published), and the
 * cameras by UUID (credentials still encrypted), and the UniFi Protect controllers by UUID
 * (credentials still encrypted). The processor's LLM and camera alert rules ({@code llm-rule/<id>},
 * {@code camera-rule/<id>}) are passed over.
 */
public record DesiredConfig(
    Map<String, DeviceConfig> devices,
    RuntimeConfig runtime,
    Map<Long, TargetConfig> targets,
    Map<String, LlmProviderConfig> llmProviders,
    Map<String, LlmModelConfig> llmModels,
    LlmMonitoringConfig llmMonitoring,
    Map<String, CameraConfig> cameras,
    Map<String, ProtectControllerConfig> protectControllers) {

  public static final DesiredConfig EMPTY =
      new DesiredConfig(Map.of(), null, Map.of(), Map.of(), Map.of(), null, Map.of(), Map.of());

  public DesiredConfig {
    devices = Collections.unmodifiableMap(new TreeMap<>(devices));
    targets = Collections.unmodifiableMap(new TreeMap<>(targets));
    llmProviders = Collections.unmodifiableMap(new TreeMap<>(llmProviders));
    llmModels = Collections.unmodifiableMap(new TreeMap<>(llmModels));
    cameras = Collections.unmodifiableMap(new TreeMap<>(cameras));
    protectControllers = Collections.unmodifiableMap(new TreeMap<>(protectControllers));
  }

  /**
   * The configuration after one record of the topic.
   *
   * @param value the record's value; null is a tombstone (the device or target was deleted)
   * @throws IllegalArgumentException when the key is not one of {@link ConfigKeys}' or the value
   *     does not belong under it
   */
  public DesiredConfig apply(String key, ConfigEntry value) {
    if (key == null) {
      throw new IllegalArgumentException(
          "a config record needs a key (device/<id>, target/<id> or runtime)");
    }
    if (ConfigKeys.isDevice(key)) {
      return withDevice(ConfigKeys.deviceId(key), value);
    }
    if (ConfigKeys.isTarget(key)) {
      return withTarget(key, value);
    }
    if (key.equals(ConfigKeys.RUNTIME)) {
      if (value != null && value.runtime() == null) {
        throw new IllegalArgumentException("key 'runtime' holds a " + kind(value) + " entry");
      }
      return new DesiredConfig(
          devices,
          value == null ? null : value.runtime(),
          targets,
          llmProviders,
          llmModels,
          llmMonitoring,
          cameras,
          protectControllers);
    }
    if (ConfigKeys.isLlmProvider(key)) {
      return withLlmProvider(key, value);
    }
    if (ConfigKeys.isLlmModel(key)) {
      return withLlmModel(key, value);
    }
    if (key.equals(ConfigKeys.LLM_MONITORING)) {
      if (value != null && value.llmMonitoring() == null) {
        throw new IllegalArgumentException(
            "key '" + ConfigKeys.LLM_MONITORING + "' holds a " + kind(value) + " entry");
      }
      return new DesiredConfig(
          devices,
          runtime,
          targets,
          llmProviders,
          llmModels,
          value == null ? null : value.llmMonitoring(),
          cameras,
          protectControllers);
    }
    if (ConfigKeys.isCamera(key)) {
      return withCamera(key, value);
    }
    if (ConfigKeys.isProtectController(key)) {
      return withProtectController(key, value);
    }
    if (ConfigKeys.isLlmRule(key) || ConfigKeys.isCameraRule(key)) {
      // The processor evaluates alert rules; nothing for a collector.
      return this;
    }
    throw new IllegalArgumentException(
        "unknown key '"
            + key
            + "' (expected device/<id>, target/<id>, runtime, llm-provider/<id>, llm-model/<id>,"
            + " llm-monitoring, llm-rule/<id>, camera/<id>, protect-controller/<id> or"
            + " camera-rule/<id>)");
  }

  /** The targets to probe. */
  public List<TargetConfig> enabledTargets() {
    return targets.values().stream().filter(TargetConfig::enabled).toList();
  }

  private DesiredConfig withDevice(String id, ConfigEntry value) {
    var changed = new TreeMap<>(devices);
    if (value == null) {
      changed.remove(id);
    } else {
      DeviceConfig device = value.device();
      if (device == null) {
        throw new IllegalArgumentException(
            "key 'device/" + id + "' holds a " + kind(value) + " entry");
      }
      if (!device.id().equals(id)) {
        throw new IllegalArgumentException(
            "key 'device/" + id + "' holds device '" + device.id() + "'");
      }
      changed.put(id, device);
    }
    return new DesiredConfig(
        changed,
        runtime,
        targets,
        llmProviders,
        llmModels,
        llmMonitoring,
        cameras,
        protectControllers);
  }

  private DesiredConfig withTarget(String key, ConfigEntry value) {
    long id;
    try {
      id = ConfigKeys.targetId(key);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("key '" + key + "' does not end in a numeric target id");
    }
    var changed = new TreeMap<>(targets);
    if (value == null) {
      changed.remove(id);
    } else {
      TargetConfig target = value.target();
      if (target == null) {
        throw new IllegalArgumentException("key '" + key + "' holds a " + kind(value) + " entry");
      }
      if (target.id() != id) {
        throw new IllegalArgumentException("key '" + key + "' holds target " + target.id());
      }
      changed.put(id, target);
    }
    return new DesiredConfig(
        devices,
        runtime,
        changed,
        llmProviders,
        llmModels,
        llmMonitoring,
        cameras,
        protectControllers);
  }

  private DesiredConfig withLlmProvider(String key, ConfigEntry value) {
    var changed =
        replaced(
            llmProviders,
            key,
            ConfigKeys.llmId(key),
            value,
            ConfigEntry::llmProvider,
            LlmProviderConfig::id,
            "provider");
    return new DesiredConfig(
        devices, runtime, targets, changed, llmModels, llmMonitoring, cameras, protectControllers);
  }

  private DesiredConfig withLlmModel(String key, ConfigEntry value) {
    var changed =
        replaced(
            llmModels,
            key,
            ConfigKeys.llmId(key),
            value,
            ConfigEntry::llmModel,
            LlmModelConfig::id,
            "model");
    return new DesiredConfig(
        devices,
        runtime,
        targets,
        llmProviders,
        changed,
        llmMonitoring,
        cameras,
        protectControllers);
  }

  private DesiredConfig withCamera(String key, ConfigEntry value) {
    var changed =
        replaced(
            cameras,
            key,
            ConfigKeys.cameraId(key),
            value,
            ConfigEntry::camera,
            CameraConfig::id,
            "camera");
    return new DesiredConfig(
        devices,
        runtime,
        targets,
        llmProviders,
        llmModels,
        llmMonitoring,
        changed,
        protectControllers);
  }

  private DesiredConfig withProtectController(String key, ConfigEntry value) {
    var changed =
        replaced(
            protectControllers,
            key,
            ConfigKeys.protectControllerId(key),
            value,
            ConfigEntry::protectController,
            ProtectControllerConfig::id,
            "controller");
    return new DesiredConfig(
        devices, runtime, targets, llmProviders, llmModels, llmMonitoring, cameras, changed);
  }

  /**
   * {@code current} with the entry of {@code id} replaced by the value's field of that kind, or
   * removed by a tombstone; a value of another kind, or one about another id, is refused.
   */
  private static <T> Map<String, T> replaced(
      Map<String, T> current,
      String key,
      String id,
      ConfigEntry value,
      Function<ConfigEntry, T> field,
      Function<T, String> idOf,
      String what) {
    var changed = new TreeMap<>(current);
    if (value == null) {
      changed.remove(id);
      return changed;
    }
    T entry = field.apply(value);
    if (entry == null) {
      throw new IllegalArgumentException("key '" + key + "' holds a " + kind(value) + " entry");
    }
    if (!idOf.apply(entry).equals(id)) {
      throw new IllegalArgumentException(
          "key '" + key + "' holds " + what + " " + idOf.apply(entry));
    }
    changed.put(id, entry);
    return changed;
  }

  private static String kind(ConfigEntry value) {
    if (value.device() != null) {
      return "device";
    }
    if (value.target() != null) {
      return "target";
    }
    if (value.runtime() != null) {
      return "runtime";
    }
    if (value.llmProvider() != null) {
      return "llm_provider";
    }
    if (value.llmModel() != null) {
      return "llm_model";
    }
    if (value.llmMonitoring() != null) {
      return "llm_monitoring";
    }
    if (value.camera() != null) {
      return "camera";
    }
    if (value.protectController() != null) {
      return "protect_controller";
    }
    return value.cameraRule() != null ? "camera_rule" : "llm_rule";
  }
}
