package dev.argus.processor.power;

import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules to apply now: the settings' thresholds overridden by the {@code runtime} entry of the
 * global config table. The entry is decoded again only when its bytes change, so a reading costs
 * one store lookup and an array comparison.
 */
final class RuntimeThresholds {

  private static final Logger log = LoggerFactory.getLogger(RuntimeThresholds.class);

  private final PowerEventSettings settings;
  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> config;
  private final Deserializer<ConfigEntry> entries;
  private byte[] appliedBytes;
  private PowerEventRules rules;

  RuntimeThresholds(
      PowerEventSettings settings,
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> config) {
    this.settings = settings;
    this.config = config;
    this.entries = settings.config().valueSerde().deserializer();
    this.rules = new PowerEventRules(settings);
  }

  PowerEventRules rules() {
    ValueAndTimestamp<byte[]> stored = config.get(ConfigKeys.RUNTIME);
    byte[] bytes = stored == null ? null : stored.value();
    if (!Arrays.equals(bytes, appliedBytes)) {
      appliedBytes = bytes;
      rules = new PowerEventRules(effective(bytes));
    }
    return rules;
  }

  private PowerEventSettings effective(byte[] bytes) {
    if (bytes == null) {
      log.info("No runtime configuration: power thresholds from the environment apply");
      return settings;
    }
    try {
      ConfigEntry entry = entries.deserialize(settings.config().name(), bytes);
      PowerEventSettings effective = settings.withRuntime(entry == null ? null : entry.runtime());
      log.info(
          "Runtime configuration applied: floor {} %, offline after {} missed polls, load limit {}"
              + " %, temperature limit {} C",
          effective.shutdownBatteryFloorPct(),
          effective.deviceOfflineMissedPolls(),
          effective.loadLimitPct(),
          effective.temperatureLimitC());
      return effective;
    } catch (SerializationException e) {
      log.warn(
          "Ignoring the runtime configuration, it cannot be read ({}); power thresholds from the"
              + " environment apply",
          e.getMessage());
      return settings;
    }
  }
}
