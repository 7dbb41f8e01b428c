package dev.argus.api.power;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps credentials out of API responses: a device's {@code connection_config} may hold NUT
 * passwords, SNMP communities or SNMPv3 auth/priv passwords, which the api never shows.
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
