package dev.argus.collector.config;

import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.config.TargetConfig;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired configuration as the compacted {@code argus.config} topic has it so far: the
 * api-managed devices and targets by id, and the runtime settings (null while none was ever
 * published, so the collector's own environment applies).
 */
public record DesiredConfig(
    Map<String, DeviceConfig> devices, RuntimeConfig runtime, Map<Long, TargetConfig> targets) {

  public static final DesiredConfig EMPTY = new DesiredConfig(Map.of(), null, Map.of());

  public DesiredConfig {
    devices = Collections.unmodifiableMap(new TreeMap<>(devices));
    targets = Collections.unmodifiableMap(new TreeMap<>(targets));
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
      return new DesiredConfig(devices, value == null ? null : value.runtime(), targets);
    }
    throw new IllegalArgumentException(
        "unknown key '" + key + "' (expected device/<id>, target/<id> or runtime)");
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
    return new DesiredConfig(changed, runtime, targets);
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
    return new DesiredConfig(devices, runtime, changed);
  }

  private static String kind(ConfigEntry value) {
    return value.device() != null ? "device" : value.target() != null ? "target" : "runtime";
  }
}
