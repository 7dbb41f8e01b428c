package dev.argus.processor.camera;

import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the camera alert rules ({@code camera-rule/...}) of the global config table (raw bytes, see
 * {@link CameraTopology}) each time an event is raised. An entry is decoded again only when its
 * bytes change; a deleted rule (a tombstone) is absent from the table; an entry that cannot be read
 * is left out and logged: a bad record must not stop the events.
 */
final class CameraRulesView {

  private static final Logger log = LoggerFactory.getLogger(CameraRulesView.class);
  private static final String PREFIX = ConfigKeys.cameraRule("");

  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store;
  private final String topic;
  private final Deserializer<ConfigEntry> entries;
  private Map<String, Decoded> decoded = new HashMap<>();

  private record Decoded(byte[] bytes, CameraAlertRuleConfig rule) {}

  CameraRulesView(
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store,
      String topic,
      Deserializer<ConfigEntry> entries) {
    this.store = store;
    this.topic = topic;
    this.entries = entries;
  }

  /** The enabled rules, ordered by id so that alerts come out in the same order on a replay. */
  List<CameraAlertRuleConfig> enabledRules() {
    Map<String, Decoded> seen = new HashMap<>();
    // Keys are UTF-8 strings, ordered by their bytes: '0' follows '/', so this is the prefix.
    String end = PREFIX.substring(0, PREFIX.length() - 1) + '0';
    try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> range = store.range(PREFIX, end)) {
      while (range.hasNext()) {
        KeyValue<String, ValueAndTimestamp<byte[]>> next = range.next();
        if (ConfigKeys.isCameraRule(next.key) && next.value != null && next.value.value() != null) {
          seen.put(next.key, decode(next.key, next.value.value()));
        }
      }
    }
    decoded = seen;
    return seen.values().stream()
        .map(Decoded::rule)
        .filter(rule -> rule != null && rule.enabled())
        .sorted(Comparator.comparing(CameraAlertRuleConfig::id))
        .toList();
  }

  private Decoded decode(String key, byte[] bytes) {
    Decoded known = decoded.get(key);
    if (known != null && Arrays.equals(known.bytes(), bytes)) {
      return known;
    }
    try {
      CameraAlertRuleConfig rule = entries.deserialize(topic, bytes).cameraRule();
      if (rule == null) {
        log.warn("Ignoring config entry {}: it holds no camera rule", key);
      }
      return new Decoded(bytes, rule);
    } catch (RuntimeException e) {
      log.warn("Ignoring config entry {}, it cannot be read: {}", key, e.getMessage());
      return new Decoded(bytes, null);
    }
  }
}
