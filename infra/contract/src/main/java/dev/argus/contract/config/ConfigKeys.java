package dev.argus.contract.config;

/**
 * Keys of the compacted {@code argus.config} topic. One partition holds them all, so a consumer
 * that reads it from the beginning to the end offset has the whole current configuration.
 */
public final class ConfigKeys {

  public static final String RUNTIME = "runtime";
  public static final String LLM_MONITORING = "llm-monitoring";
  private static final String DEVICE_PREFIX = "device/";
  private static final String TARGET_PREFIX = "target/";
  private static final String LLM_PROVIDER_PREFIX = "llm-provider/";
  private static final String LLM_MODEL_PREFIX = "llm-model/";
  private static final String LLM_RULE_PREFIX = "llm-rule/";
  private static final String CAMERA_PREFIX = "camera/";
  private static final String PROTECT_PREFIX = "protect-controller/";
  private static final String CAMERA_RULE_PREFIX = "camera-rule/";

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

  public static String llmProvider(String providerId) {
    return LLM_PROVIDER_PREFIX + providerId;
  }

  public static String llmModel(String modelId) {
    return LLM_MODEL_PREFIX + modelId;
  }

  public static String llmRule(String ruleId) {
    return LLM_RULE_PREFIX + ruleId;
  }

  public static boolean isLlmProvider(String key) {
    return key != null && key.startsWith(LLM_PROVIDER_PREFIX);
  }

  public static boolean isLlmModel(String key) {
    return key != null && key.startsWith(LLM_MODEL_PREFIX);
  }

  public static boolean isLlmRule(String key) {
    return key != null && key.startsWith(LLM_RULE_PREFIX);
  }

  /**
   * The id after the prefix of an {@code llm-provider/}, {@code llm-model/} or {@code llm-rule/}
   * key.
   */
  public static String llmId(String key) {
    return key.substring(key.indexOf('/') + 1);
  }

  public static String camera(String cameraId) {
    return CAMERA_PREFIX + cameraId;
  }

  public static boolean isCamera(String key) {
    return key != null && key.startsWith(CAMERA_PREFIX);
  }

  /** The camera UUID of a {@code camera/...} key. */
  public static String cameraId(String key) {
    return key.substring(CAMERA_PREFIX.length());
  }

  public static String protectController(String controllerId) {
    return PROTECT_PREFIX + controllerId;
  }

  public static boolean isProtectController(String key) {
    return key != null && key.startsWith(PROTECT_PREFIX);
  }

  /** The controller UUID of a {@code protect-controller/...} key. */
  public static String protectControllerId(String key) {
    return key.substring(PROTECT_PREFIX.length());
  }

  public static String cameraRule(String ruleId) {
    return CAMERA_RULE_PREFIX + ruleId;
  }

  public static boolean isCameraRule(String key) {
    return key != null && key.startsWith(CAMERA_RULE_PREFIX);
  }

  /** The rule UUID of a {@code camera-rule/...} key. */
  public static String cameraRuleId(String key) {
    return key.substring(CAMERA_RULE_PREFIX.length());
  }
}
