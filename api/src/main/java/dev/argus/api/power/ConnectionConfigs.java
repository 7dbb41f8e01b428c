package dev.argus.api.power;

import dev.argus.contract.WireJson;
import dev.argus.contract.secrets.SecretContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Keeps credentials out of API responses: a device's {@code connection_config} may hold NUT
 * passwords, SNMP communities or SNMPv3 auth/priv passwords, which the api never shows. The same
 * keys are stored and published encrypted ({@link #mapSecrets}).
 */
final class ConnectionConfigs {

  /** A key containing any of these (case-insensitive) names a credential. */
  private static final List<String> SECRET_KEY_PARTS =
      List.of(
          "password",
          "passphrase",
          "passwd",
          "secret",
          "token",
          "community",
          "api_key",
          "apikey",
          "private_key",
          "credential");

  private ConnectionConfigs() {}

  /** A copy of {@code config} without credential keys, at any depth. */
  static Map<String, Object> withoutSecrets(Map<?, ?> config) {
    Map<String, Object> safe = new LinkedHashMap<>();
    config.forEach(
        (key, value) -> {
          String name = String.valueOf(key);
          if (!isSecret(name)) {
            safe.put(name, withoutSecretsIn(value));
          }
        });
    return safe;
  }

  /**
   * {@code config} with the value {@code v} of every top-level credential key {@code k} replaced by
   * {@code change(v as text, device:<id>:<k>)}; the collector reads credentials at the top level
   * only. A number becomes its text, a structure its JSON (a collector refuses both as a credential
   * either way, but they are not stored in plain).
   */
  static Map<String, Object> mapSecrets(
      String deviceId,
      Map<String, Object> config,
      BiFunction<String, SecretContext, String> change) {
    Map<String, Object> mapped = new LinkedHashMap<>(config);
    mapped.replaceAll(
        (key, value) ->
            value == null || !isSecret(key)
                ? value
                : change.apply(text(value), SecretContext.deviceField(deviceId, key)));
    return mapped;
  }

  private static String text(Object value) {
    return value instanceof Map<?, ?> || value instanceof List<?>
        ? WireJson.MAPPER.writeValueAsString(value)
        : value.toString();
  }

  static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_KEY_PARTS.stream().anyMatch(lower::contains);
  }

  private static Object withoutSecretsIn(Object value) {
    if (value instanceof Map<?, ?> nested) {
      return withoutSecrets(nested);
    }
    if (value instanceof List<?> list) {
      List<Object> safe = new ArrayList<>(list.size());
      list.forEach(element -> safe.add(withoutSecretsIn(element)));
      return safe;
    }
    return value;
  }
}
