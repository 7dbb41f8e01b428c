package dev.argus.contract.config;

/**
 * Keys of the compacted {@code argus.config} topic. One partition holds them all, so a consumer
 * that reads it from the beginning to the end offset has the whole current configuration.
 */
public final class ConfigKeys {

  public static final String RUNTIME = "runtime";
  private static final String DEVICE_PREFIX = "device/";
  private static final String TARGET_PREFIX = "target/";

  private ConfigKeys() {}

  public static String device(String deviceId) {
    return DEVICE_PREFIX + deviceId;
  }

  public static String target(long targetId) {
    return TARGET_PREFIX + targetId;
  }

  public static boolean isDevice(String key) {
    return key != null && key.startsWith(DEVICE_PREFIX);
  }

  public static boolean isTarget(String key) {
    return key != null && key.startsWith(TARGET_PREFIX);
  }

  /** The device id of a {@code device/...} key. */
  public static String deviceId(String key) {
    return key.substring(DEVICE_PREFIX.length());
  }

  /** The target id of a {@code target/...} key. */
  public static long targetId(String key) {
    return Long.parseLong(key.substring(TARGET_PREFIX.length()));
  }
}
