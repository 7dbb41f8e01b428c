package dev.argus.contract.config;

/**
 * The value of a record on the compacted {@code argus.config} topic: exactly one of the fields is
 * set, and which one matches the record's key ({@link ConfigKeys}). A deleted device or target is a
 * tombstone (null value) under its key.
 */
public record ConfigEntry(DeviceConfig device, TargetConfig target, RuntimeConfig runtime) {

  public ConfigEntry {
    int set = (device != null ? 1 : 0) + (target != null ? 1 : 0) + (runtime != null ? 1 : 0);
    if (set != 1) {
      throw new IllegalArgumentException(
          "a config entry holds exactly one of device, target, runtime; had " + set);
    }
  }

  public static ConfigEntry of(DeviceConfig device) {
    return new ConfigEntry(device, null, null);
  }

  public static ConfigEntry of(TargetConfig target) {
    return new ConfigEntry(null, target, null);
  }

  public static ConfigEntry of(RuntimeConfig runtime) {
    return new ConfigEntry(null, null, runtime);
  }
}
