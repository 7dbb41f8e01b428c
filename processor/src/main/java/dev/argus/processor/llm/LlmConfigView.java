package dev.argus.processor.llm;

import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmProviderConfig;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the LLM entries of the global config table (raw bytes, see {@link LlmTopology}) for each
 * reading. An entry is decoded again only when its bytes change, so a reading costs a range scan
 * and an array comparison per entry. An entry that cannot be read is left out (and logged once): a
 * bad record must not stop the rules.
 */
final class LlmConfigView {

  private static final Logger log = LoggerFactory.getLogger(LlmConfigView.class);

  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store;
  private final String topic;
  private final Deserializer<ConfigEntry> entries;
  private Map<String, Decoded> decoded = new HashMap<>();

  private record Decoded(byte[] bytes, ConfigEntry entry) {}

  LlmConfigView(
      ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store,
      String topic,
      Deserializer<ConfigEntry> entries) {
    this.store = store;
    this.topic = topic;
    this.entries = entries;
  }

  LlmConfig current() {
    Map<String, Decoded> seen = new HashMap<>();
    Map<String, LlmAlertRuleConfig> rules = new HashMap<>();
    Map<String, LlmModelConfig> models = new HashMap<>();
    Map<String, LlmProviderConfig> providers = new HashMap<>();
    scan(ConfigKeys.llmRule(""), seen, (id, e) -> put(rules, id, e.llmRule()));
    scan(ConfigKeys.llmModel(""), seen, (id, e) -> put(models, id, e.llmModel()));
    scan(ConfigKeys.llmProvider(""), seen, (id, e) -> put(providers, id, e.llmProvider()));
    decoded = seen;
    return new LlmConfig(rules, models, providers);
  }

  private static <T> void put(Map<String, T> into, String id, T value) {
    if (value != null) {
      into.put(id, value);
    }
  }

  /** Every entry whose key starts with {@code prefix} (which ends in {@code /}). */
  private void scan(
      String prefix, Map<String, Decoded> seen, BiConsumer<String, ConfigEntry> consumer) {
    // Keys are UTF-8 strings, ordered by their bytes: '0' follows '/', so this is the prefix.
    String end = prefix.substring(0, prefix.length() - 1) + '0';
    try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> range = store.range(prefix, end)) {
      while (range.hasNext()) {
        KeyValue<String, ValueAndTimestamp<byte[]>> next = range.next();
        if (!next.key.startsWith(prefix) || next.value == null || next.value.value() == null) {
          continue;
        }
        Decoded entry = decode(next.key, next.value.value());
        seen.put(next.key, entry);
        if (entry.entry() != null) {
          consumer.accept(ConfigKeys.llmId(next.key), entry.entry());
        }
      }
    }
  }

  private Decoded decode(String key, byte[] bytes) {
    Decoded known = decoded.get(key);
    if (known != null && Arrays.equals(known.bytes(), bytes)) {
      return known;
    }
    try {
      return new Decoded(bytes, entries.deserialize(topic, bytes));
    } catch (RuntimeException e) {
      log.warn("Ignoring config entry {}, it cannot be read: {}", key, e.getMessage());
      return new Decoded(bytes, null);
    }
  }
}
