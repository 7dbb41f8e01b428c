package dev.argus.collector.power.device;

import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.secrets.SecretDecryptionException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.convert.DurationStyle;

/**
 * Turns an api-managed {@link DeviceConfig} into the device the pollers know, with the same
 * validation and defaults as a device of {@code ARGUS_COLLECTOR_DEVICES}.
 *
 * <p>{@code connection_config} holds, for {@code poller: nut} (the default): {@code ups}, {@code
 * username}, {@code password}; for {@code poller: snmp}: {@code version}, {@code community}, {@code
 * security_name}, {@code auth_protocol} (or {@code auth}), {@code auth_password}, {@code
 * priv_protocol} (or {@code priv}), {@code priv_password}, {@code timeout} (e.g. {@code "2s"}, or a
 * number of seconds), {@code retries}, {@code oids} and {@code outlet_table} (maps of field to
 * {@code OID[*factor]}). Keys may use {@code -} for {@code _}. An unknown key is an error rather
 * than ignored, so that a misspelt credential does not silently fall back to a default.
 *
 * <p>The api publishes credentials encrypted ({@code enc:v1:...} envelopes bound to the device id
 * and key); they are decrypted here, with the keys of {@code ARGUS_SECRET_KEY}. A plaintext value
 * (a record of an older api) is taken as it is. A value that cannot be decrypted makes the device
 * unmappable, with a reason that names the key id but not the secret.
 */
public final class DeviceConfigMapper {

  private final SecretCipher cipher;

  public DeviceConfigMapper(SecretCipher cipher) {
    this.cipher = cipher;
  }

  private static final Set<String> NUT_KEYS = Set.of("ups", "username", "password");
  private static final Set<String> SNMP_KEYS =
      Set.of(
          "version",
          "community",
          "security_name",
          "auth_protocol",
          "auth",
          "auth_password",
          "priv_protocol",
          "priv",
          "priv_password",
          "timeout",
          "retries",
          "oids",
          "outlet_table");

  /**
   * @throws IllegalArgumentException saying what is wrong; the message quotes no secret
   */
  public Device toDevice(DeviceConfig config) {
    Map<String, Object> settings = normalized(decrypted(config));
    String poller =
        config.poller() == null || config.poller().isBlank()
            ? "nut"
            : config.poller().trim().toLowerCase(Locale.ROOT);
    return switch (poller) {
      case "nut" -> {
        requireKnown(settings, NUT_KEYS, "nut");
        yield NutDevice.of(
            config.id(),
            config.name(),
            config.host(),
            config.port(),
            text(settings, "ups"),
            text(settings, "username"),
            text(settings, "password"),
            config.type(),
            config.enabled());
      }
      case "snmp" -> {
        requireKnown(settings, SNMP_KEYS, "snmp");
        var snmp =
            new SnmpProperties(
                text(settings, "version"),
                text(settings, "community"),
                text(settings, "security_name"),
                either(settings, "auth_protocol", "auth"),
                text(settings, "auth_password"),
                either(settings, "priv_protocol", "priv"),
                text(settings, "priv_password"),
                duration(settings.get("timeout")),
                integer(settings.get("retries")),
                oidMap(settings.get("oids"), "oids"),
                oidMap(settings.get("outlet_table"), "outlet_table"));
        yield SnmpDevice.of(
            config.id(),
            config.name(),
            config.host(),
            config.port(),
            config.type(),
            config.enabled(),
            snmp);
      }
      default ->
          throw new IllegalArgumentException(
              "poller must be nut or snmp, was '" + config.poller() + "'");
    };
  }

  private Map<String, Object> decrypted(DeviceConfig config) {
    Map<String, Object> plain = new LinkedHashMap<>(config.connectionConfig());
    try {
      // The api binds each envelope to the key as it stored it, before any normalisation.
      plain.replaceAll(
          (key, value) ->
              value instanceof String text && SecretCipher.isEncrypted(text)
                  ? cipher.decrypt(text, SecretContext.deviceField(config.id(), key))
                  : value);
    } catch (SecretDecryptionException e) {
      throw new IllegalArgumentException("connection_config credentials: " + e.getMessage(), e);
    }
    return plain;
  }

  private static Map<String, Object> normalized(Map<String, Object> connectionConfig) {
    Map<String, Object> settings = new LinkedHashMap<>();
    connectionConfig.forEach(
        (key, value) -> settings.put(key.trim().toLowerCase(Locale.ROOT).replace('-', '_'), value));
    return settings;
  }

  private static void requireKnown(Map<String, Object> settings, Set<String> known, String poller) {
    var unknown = new TreeSet<>(settings.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "connection_config has key(s) "
              + unknown
              + " that a "
              + poller
              + " device does not know (known: "
              + String.join(", ", new TreeSet<>(known))
              + ")");
    }
  }

  private static String either(Map<String, Object> settings, String key, String alias) {
    String value = text(settings, key);
    String aliased = text(settings, alias);
    if (value != null && aliased != null) {
      throw new IllegalArgumentException(
          "connection_config gives both " + key + " and " + alias + "; give one");
    }
    return value != null ? value : aliased;
  }

  private static String text(Map<String, Object> settings, String key) {
    Object value = settings.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
      throw new IllegalArgumentException("connection_config." + key + " must be a single value");
    }
    return value.toString();
  }

  private static Duration duration(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number seconds) {
      return Duration.ofMillis(Math.round(seconds.doubleValue() * 1000));
    }
    try {
      return DurationStyle.detectAndParse(value.toString().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "connection_config.timeout must be a duration such as \"2s\" or a number of seconds, was"
              + " '"
              + value
              + "'");
    }
  }

  private static Integer integer(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer number) {
      return number;
    }
    try {
      return Integer.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "connection_config.retries must be a whole number, was '" + value + "'");
    }
  }

  private static Map<String, String> oidMap(Object value, String key) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "connection_config." + key + " must be a map of field to OID[*factor]");
    }
    Map<String, String> oids = new LinkedHashMap<>();
    map.forEach((field, oid) -> oids.put(String.valueOf(field), oid == null ? "" : oid.toString()));
    return oids;
  }
}
