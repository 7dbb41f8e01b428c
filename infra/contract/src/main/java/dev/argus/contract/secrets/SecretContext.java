package dev.argus.contract.secrets;

/**
 * What a secret is for, bound into its ciphertext as AES-GCM additional authenticated data: an
 * envelope copied into another field, device or provider does not decrypt there. The api (which
 * encrypts) and the collector (which decrypts) build contexts only through these factories, so both
 * sides agree byte for byte.
 */
public record SecretContext(String value) {

  public SecretContext {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a secret context is required");
    }
  }

  /** A credential in a managed device's {@code connection_config}, under its key as stored. */
  public static SecretContext deviceField(String deviceId, String field) {
    return new SecretContext("device:" + deviceId + ":" + field);
  }

  /** A credential of the runtime settings, e.g. {@code nut_password}. */
  public static SecretContext runtimeField(String field) {
    return new SecretContext("runtime:" + field);
  }

  /** A credential of an alert provider, e.g. {@code ("gotify", "phone", "app_token")}. */
  public static SecretContext alertProviderField(String type, String name, String field) {
    return new SecretContext("alert:" + type + ":" + name + ":" + field);
  }

  /**
   * A credential of an LLM provider account, e.g. {@code (uuid, "api_key")}: the api encrypts it,
   * the collectors decrypt it from {@code argus.config}.
   */
  public static SecretContext llmProviderField(String providerId, String field) {
    return new SecretContext("llm-provider:" + providerId + ":" + field);
  }

  /**
   * A credential of a camera, e.g. {@code (uuid, "password")}: the api encrypts it, the collectors
   * decrypt it from {@code argus.config}.
   */
  public static SecretContext cameraField(String cameraId, String field) {
    return new SecretContext("camera:" + cameraId + ":" + field);
  }

  /**
   * A credential of a UniFi Protect controller, e.g. {@code (uuid, "password")}: the api encrypts
   * it, the collectors decrypt it from {@code argus.config}.
   */
  public static SecretContext protectControllerField(String controllerId, String field) {
    return new SecretContext("protect-controller:" + controllerId + ":" + field);
  }

  @Override
  public String toString() {
    return value;
  }
}
